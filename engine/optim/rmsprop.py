"""`torch.optim.RMSprop`: divide by a running root mean square of the gradients.

    v ← α·v + (1 − α)·g²;  p ← p − lr · g / (√v + ε)
(centered: √(v − ḡ²); with momentum: buf ← μ·buf + g/(√v + ε), p ← p − lr·buf), in torch
2.13's single-tensor order, each step rounded as its kernel rounds (engine.optim.kernel).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes
from engine.autograd.grad_mode import enable_grad
from engine.cpu import unary
from engine.optim import kernel
from engine.optim.adam import write
from engine.optim.observer import UpdateLog
from engine.optim.optimizer import Optimizer
from engine.tensor import Tensor

RULE = "v ← α·v + (1−α)·g²;  p ← p − lr·g / (√v + ε)"


class RMSprop(Optimizer):
    """RMSprop (Hinton): a per-parameter step size from the recent size of the gradients."""

    def __init__(
        self,
        params: Any,
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0,
        momentum: float = 0,
        centered: bool = False,
        capturable: bool = False,
        foreach: bool | None = None,
        maximize: bool = False,
        differentiable: bool = False,
    ) -> None:
        if not lr >= 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not eps >= 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not momentum >= 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not weight_decay >= 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not alpha >= 0.0:
            raise ValueError(f"Invalid alpha value: {alpha}")
        defaults = {
            "lr": lr,
            "momentum": momentum,
            "alpha": alpha,
            "eps": eps,
            "centered": centered,
            "weight_decay": weight_decay,
            "capturable": capturable,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        log = UpdateLog(self, RULE)
        for index, group in enumerate(self.param_groups):
            for p in group["params"]:
                if p._grad is not None:
                    self._update(p, index, group, log)
        log.report()
        return loss

    def _update(self, p: Tensor, index: int, group: dict[str, Any], log: UpdateLog) -> None:
        lr, alpha, eps = group["lr"], group["alpha"], group["eps"]
        momentum, weight_decay = group["momentum"], group["weight_decay"]
        state = self.state[p]
        if not state:
            state["step"] = Tensor._make(np.zeros((), np.float32), dtypes.float32)
            state["square_avg"] = Tensor._make(np.zeros_like(p._data), p.dtype)
            if momentum > 0:
                state["momentum_buffer"] = Tensor._make(np.zeros_like(p._data), p.dtype)
            if group["centered"]:
                state["grad_avg"] = Tensor._make(np.zeros_like(p._data), p.dtype)
        log.start(p)
        assert p._grad is not None
        grad = p._grad._data if not group["maximize"] else -p._grad._data
        step_t: Tensor = state["step"]
        step_t._data = np.asarray(step_t._data + np.float32(1))
        if weight_decay != 0:
            grad = kernel.add_scaled(grad, p._data, weight_decay)
        square_avg: Tensor = state["square_avg"]
        write(square_avg, kernel.addcmul(kernel.mul(square_avg._data, alpha), grad, grad,
                                        1 - alpha))  # fmt: skip
        if group["centered"]:
            grad_avg: Tensor = state["grad_avg"]
            write(grad_avg, kernel.lerp(grad_avg._data, grad, 1 - alpha))
            avg = unary.sqrt(kernel.addcmul(square_avg._data, grad_avg._data, grad_avg._data, -1))
        else:
            avg = unary.sqrt(square_avg._data)
        avg = avg + avg.dtype.type(eps)
        if momentum > 0:
            buf: Tensor = state["momentum_buffer"]
            write(buf, kernel.addcdiv(kernel.mul(buf._data, momentum), grad, avg, 1))
            write(p, kernel.add_scaled(p._data, buf._data, -lr))
        else:
            write(p, kernel.addcdiv(p._data, grad, avg, -lr))
        if log.active:
            terms = [("lr", float(lr)), ("square_avg", square_avg._data), ("avg", avg)]
            log.finish(p, index, Tensor._make(np.asarray(grad), p.dtype), terms)
