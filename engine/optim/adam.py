"""`torch.optim.Adam` and `AdamW`: moments m (exp_avg) and v (exp_avg_sq), bias-corrected.

    m ← β₁·m + (1 − β₁)·g          (exp_avg.lerp_(g, 1 − β₁))
    v ← β₂·v + (1 − β₂)·g²         (exp_avg_sq.mul_(β₂).addcmul_(g, g, 1 − β₂))
    p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)

in torch 2.13's single-tensor order (`_single_tensor_adam`), each step rounded as its kernel
rounds (engine.optim.kernel); AdamW first shrinks p by (1 − lr·weight_decay).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes
from engine.autograd.grad_mode import enable_grad
from engine.cpu import unary
from engine.optim import kernel
from engine.optim.observer import Term, UpdateLog
from engine.optim.optimizer import Optimizer
from engine.tensor import Tensor


class Adam(Optimizer):
    """Adam (Kingma & Ba); `decoupled_weight_decay=True` is AdamW."""

    def __init__(
        self,
        params: Any,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        amsgrad: bool = False,
        *,
        foreach: bool | None = None,
        maximize: bool = False,
        capturable: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
        decoupled_weight_decay: bool = False,
    ) -> None:
        if not lr >= 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not eps >= 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not weight_decay >= 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not (isinstance(betas[0], float) and isinstance(betas[1], float)):
            raise ValueError("betas must be either both floats or both Tensors")
        defaults = {
            "lr": lr,
            "betas": tuple(betas),
            "eps": eps,
            "weight_decay": weight_decay,
            "amsgrad": amsgrad,
            "maximize": maximize,
            "foreach": foreach,
            "capturable": capturable,
            "differentiable": differentiable,
            "fused": fused,
            "decoupled_weight_decay": decoupled_weight_decay,
        }
        super().__init__(params, defaults)

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        """One update of every parameter that has a gradient."""
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
        lr, eps, weight_decay = group["lr"], group["eps"], group["weight_decay"]
        beta1, beta2 = group["betas"]
        state = self.state[p]
        if not state:
            state["step"] = Tensor._make(np.zeros((), np.float32), dtypes.float32)
            state["exp_avg"] = Tensor._make(np.zeros_like(p._data), p.dtype)
            state["exp_avg_sq"] = Tensor._make(np.zeros_like(p._data), p.dtype)
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = Tensor._make(np.zeros_like(p._data), p.dtype)
        log.start(p)
        assert p._grad is not None
        grad = p._grad._data
        if group["maximize"]:
            grad = -grad
        step_t: Tensor = state["step"]
        step_t._data = np.asarray(step_t._data + np.float32(1))
        if weight_decay != 0:
            if group["decoupled_weight_decay"]:
                write(p, kernel.mul(p._data, 1 - lr * weight_decay))
            else:
                grad = kernel.add_scaled(grad, p._data, weight_decay)
        exp_avg: Tensor = state["exp_avg"]
        exp_avg_sq: Tensor = state["exp_avg_sq"]
        write(exp_avg, kernel.lerp(exp_avg._data, grad, 1 - beta1))
        write(exp_avg_sq, kernel.addcmul(kernel.mul(exp_avg_sq._data, beta2), grad, grad,
                                         1 - beta2))  # fmt: skip
        step = float(step_t._data)
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        step_size = lr / bias_correction1
        bias_correction2_sqrt = bias_correction2**0.5
        second = exp_avg_sq._data
        if group["amsgrad"]:
            highest: Tensor = state["max_exp_avg_sq"]
            write(highest, np.maximum(highest._data, second))
            second = highest._data
        dt = p._data.dtype.type
        # torch.sqrt is MKL's (HA), not always the correctly rounded root
        denom = unary.sqrt(second) / dt(bias_correction2_sqrt) + dt(eps)
        write(p, kernel.addcdiv(p._data, exp_avg._data, denom, -step_size))
        if log.active:
            terms: list[Term] = [
                ("lr", float(lr)),
                ("step", step),
                ("exp_avg", exp_avg._data),
                ("exp_avg_sq", exp_avg_sq._data),
                ("bias_correction1", bias_correction1),
                ("bias_correction2", bias_correction2),
                ("m̂", exp_avg._data / dt(bias_correction1)),
                ("v̂", second / dt(bias_correction2)),
                ("denom", denom),
                ("step_size", step_size),
                ("update", np.asarray(dt(step_size) * exp_avg._data / denom)),
            ]
            log.finish(p, index, Tensor._make(np.asarray(grad), p.dtype), terms)


RULE = "m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²;  p ← p − lr·m̂ / (√v̂ + ε)"


def write(t: Tensor, values: np.ndarray) -> None:
    """An in-place update: new values in the same storage, the version counter bumped."""
    np.copyto(t._data, values)
    t._bump_version()


class AdamW(Adam):
    """Adam with decoupled weight decay: p ← p·(1 − lr·weight_decay) before the Adam step."""

    def __init__(
        self,
        params: Any,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        foreach: bool | None = None,
        capturable: bool = False,
        differentiable: bool = False,
        fused: bool | None = None,
    ) -> None:
        super().__init__(
            params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
            capturable=capturable, differentiable=differentiable, fused=fused,
            decoupled_weight_decay=True,
        )  # fmt: skip
