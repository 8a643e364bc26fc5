"""`torch.optim.SGD`: p ← p − lr·g, with momentum, dampening, Nesterov, weight decay, maximize.

The update follows torch 2.13's single-tensor CPU implementation (`_single_tensor_sgd`) in
its order of in-place operations, each computed as ATen's kernel rounds it (`add_` with an
alpha is one fused multiply-add), so parameters after N steps are PyTorch's bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine.autograd.grad_mode import enable_grad
from engine.ops.arithmetic import add_scaled
from engine.optim.observer import Term, UpdateLog
from engine.optim.optimizer import Optimizer
from engine.tensor import Tensor


class SGD(Optimizer):
    """Stochastic gradient descent (optionally with momentum)."""

    def __init__(
        self,
        params: Any,
        lr: float = 1e-3,
        momentum: float = 0,
        dampening: float = 0,
        weight_decay: float = 0,
        nesterov: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {
            "lr": lr,
            "momentum": momentum,
            "dampening": dampening,
            "weight_decay": weight_decay,
            "nesterov": nesterov,
            "maximize": maximize,
            "foreach": foreach,
            "differentiable": differentiable,
            "fused": fused,
        }
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        """One update of every parameter that has a gradient."""
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        log = UpdateLog(self, _rule(self.param_groups))
        for index, group in enumerate(self.param_groups):
            for p in group["params"]:
                if p._grad is not None:
                    self._update(p, index, group, log)
        log.report()
        return loss

    def _update(self, p: Tensor, index: int, group: dict[str, Any], log: UpdateLog) -> None:
        lr, momentum = group["lr"], group["momentum"]
        weight_decay, dampening = group["weight_decay"], group["dampening"]
        log.start(p)
        terms: list[Term] = []
        assert p._grad is not None
        grad = p._grad._data
        if group["maximize"]:
            grad = -grad
        if weight_decay != 0:
            grad = add_scaled(grad, p._data, weight_decay)
        if log.active:
            terms.append(("grad", grad))
        if momentum != 0:
            state = self.state[p]
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = Tensor._make(np.array(grad, copy=True), p._grad.dtype)
                state["momentum_buffer"] = buf
            else:
                scaled = np.multiply(buf._data, buf._data.dtype.type(momentum))
                np.copyto(buf._data, add_scaled(scaled, grad, 1 - dampening))
                buf._bump_version()
            grad = add_scaled(grad, buf._data, momentum) if group["nesterov"] else buf._data
            if log.active:
                terms.append(("momentum_buffer", buf._data))
        np.copyto(p._data, add_scaled(p._data, grad, -lr))
        p._bump_version()
        if log.active:
            terms += [("lr", float(lr)), ("lr·grad", np.asarray(grad * grad.dtype.type(lr)))]
            log.finish(p, index, Tensor._make(np.asarray(grad), p.dtype), terms)


def _rule(groups: list[dict[str, Any]]) -> str:
    group = groups[0]
    if group["momentum"] == 0:
        return "p ← p − lr·grad"
    if group["nesterov"]:
        return "buf ← momentum·buf + grad;  p ← p − lr·(grad + momentum·buf)"
    return "buf ← momentum·buf + (1 − dampening)·grad;  p ← p − lr·buf"
