"""The backward-step observer: how the app watches the engine's real backward pass."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from engine.autograd.function import Node
    from engine.tensor import Tensor


@dataclass(frozen=True, slots=True)
class BackwardStart:
    """Step 0: the seed. `grads[i]` is the gradient given to `roots[i]` (ones, or `gradient=`)."""

    roots: tuple[Tensor, ...]
    grads: tuple[np.ndarray, ...]
    inputs: tuple[Tensor, ...] | None  # autograd.grad's inputs; None for backward()
    retain_graph: bool
    create_graph: bool


@dataclass(frozen=True, slots=True)
class NodeStep:
    """One grad_fn (or AccumulateGrad) executing, with what flowed in and what it sent out."""

    node: Node
    grad_outputs: tuple[np.ndarray | None, ...]
    grad_inputs: tuple[np.ndarray | None, ...]
    variable: Tensor | None = None
    grad_before: np.ndarray | None = None
    grad_after: np.ndarray | None = None


class BackwardObserver(Protocol):
    """Receives the steps of a backward pass in the engine's real execution order."""

    def on_backward_start(self, event: BackwardStart) -> None: ...

    def on_step(self, step: NodeStep) -> None: ...

    def on_backward_end(self) -> None: ...


_observer: ContextVar[BackwardObserver | None] = ContextVar("backward_observer", default=None)


def current_observer() -> BackwardObserver | None:
    return _observer.get()


@contextmanager
def observe(observer: BackwardObserver) -> Iterator[BackwardObserver]:
    """Report every backward pass run inside the block (in this context only) to `observer`."""
    token = _observer.set(observer)
    try:
        yield observer
    finally:
        _observer.reset(token)
