"""Copies and dtype conversions: `clone`, `to`, `float()`/`double()`/`long()`, `type(...)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record

if TYPE_CHECKING:
    from engine.tensor import Tensor

_LEGACY_NAMES = {f"torch.{d.legacy_type_name}": d for d in dtypes.ALL_DTYPES}


class CloneBackward0(Node):
    """result = self.clone();  ∂result/∂self = 1."""

    __slots__ = ()
    derivatives = (Derivative("self", "1", "1", "grad"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()),)


class ToCopyBackward0(Node):
    """result = self.to(dtype);  ∂result/∂self = 1 (the gradient is cast back to self's dtype)."""

    __slots__ = ("self_dtype",)
    self_dtype: dtypes.dtype
    derivatives = (Derivative("self", "1", "1", "grad.to(self.dtype)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        if isinstance(grad, np.ndarray | np.generic):
            return (np.asarray(grad, dtype=self.self_dtype.np),)
        return (to(grad, self.self_dtype),)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()),)


def clone(t: Tensor) -> Tensor:
    result = t._make(t._data.copy(), t._dtype)
    if needs_grad(t):
        record(CloneBackward0(), result, (t,))
    return result


def to(t: Tensor, dt: dtypes.dtype, copy: bool = False) -> Tensor:
    """`t` converted to `dt`; `t` itself when it already has that dtype (unless `copy`)."""
    if dt is t._dtype and not copy:
        return t
    data = t._data.astype(dt.np)
    result = t._make(data, dt)
    if needs_grad(t) and dt.is_floating_point:
        node = ToCopyBackward0()
        node.self_dtype = t._dtype
        record(node, result, (t,))
    return result


def parse_type(value: Any) -> dtypes.dtype:
    """`torch.float64` or the legacy name `'torch.DoubleTensor'` → the dtype."""
    if isinstance(value, dtypes.dtype):
        return value
    if isinstance(value, str) and value in _LEGACY_NAMES:
        return _LEGACY_NAMES[value]
    legacy = getattr(value, "legacy_dtype", None)
    if isinstance(legacy, dtypes.dtype):
        return legacy
    raise ValueError(f"invalid type: '{value}'")


def to_method(t: Tensor, *args: Any, **kwargs: Any) -> Tensor:
    """`Tensor.to(dtype)`, `.to('cpu')`, `.to(other)`, `.to(dtype=..., copy=...)`."""
    dt: dtypes.dtype | None = kwargs.pop("dtype", None)
    copy = bool(kwargs.pop("copy", False))
    kwargs.pop("device", None)
    for arg in args:
        if isinstance(arg, dtypes.dtype):
            dt = arg
        elif hasattr(arg, "_dtype") and hasattr(arg, "_data"):
            dt = arg._dtype
        elif isinstance(arg, str) and arg == "cpu":
            continue
        else:
            raise TypeError(f"to() received an invalid combination of arguments - got {arg!r}")
    return to(t, dt or t._dtype, copy=copy)
