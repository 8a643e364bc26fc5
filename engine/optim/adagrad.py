"""`torch.optim.Adagrad`: divide by the root of the sum of every squared gradient so far.

    sum ← sum + g²;  p ← p − clr · g / (√sum + ε),  clr = lr / (1 + (step − 1)·lr_decay)
in torch 2.13's single-tensor order, each step rounded as its kernel rounds.
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

RULE = "sum ← sum + g²;  p ← p − lr·g / (√sum + ε)"


class Adagrad(Optimizer):
    """Adagrad (Duchi et al.): per-parameter steps that shrink as gradients accumulate."""

    def __init__(
        self,
        params: Any,
        lr: float = 1e-2,
        lr_decay: float = 0,
        weight_decay: float = 0,
        initial_accumulator_value: float = 0,
        eps: float = 1e-10,
        foreach: bool | None = None,
        *,
        maximize: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        if not lr >= 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not lr_decay >= 0.0:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not weight_decay >= 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not initial_accumulator_value >= 0.0:
            raise ValueError(
                f"Invalid initial_accumulator_value value: {initial_accumulator_value}"
            )
        if not eps >= 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = {
            "lr": lr,
            "lr_decay": lr_decay,
            "eps": eps,
            "weight_decay": weight_decay,
            "initial_accumulator_value": initial_accumulator_value,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "fused": fused,
        }
        super().__init__(params, defaults)
        # Adagrad's state exists from the start (not at the first step)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = Tensor._make(np.zeros((), np.float32), dtypes.float32)
                state["sum"] = Tensor._make(
                    np.full_like(p._data, initial_accumulator_value), p.dtype
                )

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
        state = self.state[p]
        log.start(p)
        assert p._grad is not None
        step_t: Tensor = state["step"]
        step_t._data = np.asarray(step_t._data + np.float32(1))
        step = float(step_t._data)
        grad = p._grad._data if not group["maximize"] else -p._grad._data
        if group["weight_decay"] != 0:
            grad = kernel.add_scaled(grad, p._data, group["weight_decay"])
        clr = group["lr"] / (1 + (step - 1) * group["lr_decay"])
        state_sum: Tensor = state["sum"]
        write(state_sum, kernel.addcmul(state_sum._data, grad, grad, 1))
        std = unary.sqrt(state_sum._data)
        std = std + std.dtype.type(group["eps"])
        write(p, kernel.addcdiv(p._data, grad, std, -clr))
        if log.active:
            terms = [("lr", float(clr)), ("sum", state_sum._data), ("std", std)]
            log.finish(p, index, Tensor._make(np.asarray(grad), p.dtype), terms)
