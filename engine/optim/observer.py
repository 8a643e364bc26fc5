"""The optimizer-step observer: how the app shows what `optimizer.step()` did to each parameter.

While an observer is installed (`with observe_steps(obs): ...`, this context only), every
`step()` reports, per parameter it updated, the values before and after and the terms of the
update in the optimizer's own words: SGD's `lr`, `grad` and `lr·grad` (and `momentum_buffer`),
Adam's `exp_avg` (m), `exp_avg_sq` (v), the bias corrections and the step size. Arrays are
copies the observer may keep.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from engine.optim.optimizer import Optimizer
    from engine.tensor import Tensor

Term = tuple[str, np.ndarray | float]


@dataclass(frozen=True, slots=True)
class ParameterUpdate:
    """One parameter's update: `after` = `before` changed by the step's `terms`."""

    param: Tensor
    group: int  # index into optimizer.param_groups
    before: np.ndarray
    after: np.ndarray
    grad: np.ndarray  # the gradient the step used (after maximize/weight decay, as named)
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class OptimizerStep:
    """One `optimizer.step()`: which optimizer, its update rule, and every parameter updated."""

    optimizer: Optimizer
    rule: str  # the update as a formula, in the terms' names: "p ← p − lr·grad"
    updates: tuple[ParameterUpdate, ...]


class StepObserver(Protocol):
    def on_optimizer_step(self, step: OptimizerStep) -> None: ...


_observer: ContextVar[StepObserver | None] = ContextVar("step_observer", default=None)


def current_step_observer() -> StepObserver | None:
    return _observer.get()


@contextmanager
def observe_steps(observer: StepObserver) -> Iterator[StepObserver]:
    """Report every optimizer step taken inside the block (this context only) to `observer`."""
    token = _observer.set(observer)
    try:
        yield observer
    finally:
        _observer.reset(token)


class UpdateLog:
    """Collects a step's parameter updates while it runs (only when an observer listens)."""

    def __init__(self, optimizer: Optimizer, rule: str) -> None:
        self.optimizer = optimizer
        self.rule = rule
        self.observer = current_step_observer()
        self.updates: list[ParameterUpdate] = []
        self._before: np.ndarray | None = None

    @property
    def active(self) -> bool:
        return self.observer is not None

    def start(self, param: Tensor) -> None:
        if self.observer is not None:
            self._before = param._data.copy()

    def finish(self, param: Tensor, group: int, grad: Tensor, terms: list[Term]) -> None:
        if self.observer is None or self._before is None:
            return
        copied = tuple((name, v.copy() if isinstance(v, np.ndarray) else v) for name, v in terms)
        self.updates.append(
            ParameterUpdate(
                param, group, self._before, param._data.copy(), grad._data.copy(), copied
            )
        )
        self._before = None

    def report(self) -> None:
        if self.observer is not None:
            self.observer.on_optimizer_step(
                OptimizerStep(self.optimizer, self.rule, tuple(self.updates))
            )
