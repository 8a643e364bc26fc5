"""Grad mode: whether operations are recorded, per context (`no_grad`, `set_grad_enabled`, …)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

_grad_enabled: ContextVar[bool] = ContextVar("grad_enabled", default=True)

F = TypeVar("F", bound=Callable[..., Any])


def is_grad_enabled() -> bool:
    """True when operations on tensors that require grad are recorded in the graph."""
    return _grad_enabled.get()


class _GradModeManager:
    """Base of the grad-mode managers: a context manager and a function decorator."""

    _mode: bool

    def __init__(self) -> None:
        self._tokens: list[Token[bool]] = []

    def __enter__(self) -> None:
        self._tokens.append(_grad_enabled.set(self._mode))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _grad_enabled.reset(self._tokens.pop())

    def __repr__(self) -> str:
        return f"<torch.autograd.grad_mode.{type(self).__name__} object at {id(self):#x}>"

    def __call__(self, func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self.clone():
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    def clone(self) -> _GradModeManager:
        return type(self)()


class no_grad(_GradModeManager):
    """Operations inside are not recorded: results have `requires_grad=False`."""

    _mode = False


class enable_grad(_GradModeManager):
    """Turns recording back on inside a `no_grad` block."""

    _mode = True


class set_grad_enabled(_GradModeManager):
    """Sets grad mode to `mode`.

    As in PyTorch, the mode changes as soon as the object is created, so both
    `torch.set_grad_enabled(False)` on its own line and `with torch.set_grad_enabled(False):`
    work; leaving the `with` block restores the previous mode.
    """

    def __init__(self, mode: bool) -> None:
        super().__init__()
        self._mode = bool(mode)
        self._prev = _grad_enabled.get()
        _grad_enabled.set(self._mode)

    def __enter__(self) -> None:
        pass

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _grad_enabled.set(self._prev)

    def clone(self) -> set_grad_enabled:
        return set_grad_enabled(self._mode)

    def __repr__(self) -> str:
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self._mode})"
