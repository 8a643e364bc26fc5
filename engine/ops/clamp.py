"""clamp: number bounds (ClampBackward1, ClampMin/MaxBackward0) or tensor bounds (ClampBackward0).

The gradient passes where the input lies inside the bounds (the bounds themselves included, as
in PyTorch) and, for tensor bounds, goes to the bound that won elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.dtypes import SCALAR_TYPES, Number
from engine.ops.broadcast import broadcast_shape, sum_to
from engine.ops.operand import binary_dtype, expect_tensor
from engine.ops.pointwise import UnaryNode, where_mask

if TYPE_CHECKING:
    from engine.tensor import Tensor


class _ClampNode(UnaryNode):
    """Shared by the clamp nodes: the gradient passes where self lies inside [min, max]."""

    __slots__ = ("max", "min")
    saved_names = ("self",)
    min: Number | None
    max: Number | None

    def _inside(self, x: np.ndarray) -> np.ndarray:
        # the bounds themselves count as inside: clamp'(min) = clamp'(max) = 1, as in PyTorch
        inside = np.ones(x.shape, dtype=bool)
        if self.min is not None:
            inside &= x >= self.min
        if self.max is not None:
            inside &= x <= self.max
        return inside

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        return (where_mask(grad, self._inside(np.asarray(getattr(x, "_data", x)))),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return self._inside(saved).astype(saved.dtype)

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        if not self._released:
            values["min"] = self.min
            values["max"] = self.max
        return values


_CLAMP_LOCAL = "1 if min <= self <= max else 0"


class ClampBackward1(_ClampNode):
    """result = min(max(self, min), max);  ∂result/∂self = 1 inside [min, max], else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            _CLAMP_LOCAL,
            r"\mathbb{1}[\min \le \mathrm{self} \le \max]",
            "clamp_backward(grad, self, min, max)",
        ),
    )


class ClampMinBackward0(_ClampNode):
    """result = max(self, min);  ∂result/∂self = 1 where self >= min, else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "1 if self >= min else 0",
            r"\mathbb{1}[\mathrm{self} \ge \min]",
            "where(self >= min, grad, 0)",
        ),
    )


class ClampMaxBackward0(_ClampNode):
    """result = min(self, max);  ∂result/∂self = 1 where self <= max, else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "1 if self <= max else 0",
            r"\mathbb{1}[\mathrm{self} \le \max]",
            "where(self <= max, grad, 0)",
        ),
    )


def _clamped(t: Tensor, low: Number | None, high: Number | None, node: _ClampNode) -> Tensor:
    dt = t._dtype
    for bound in (low, high):
        if bound is not None:
            dt = dtypes.promote_types(dt, binary_dtype(t, bound))
    data = t._data if t._data.dtype == dt.np else t._data.astype(dt.np)
    # max then min: when min > max every element becomes max, as in PyTorch
    if low is not None:
        data = np.maximum(data, np.asarray(low, dtype=dt.np))
    if high is not None:
        data = np.minimum(data, np.asarray(high, dtype=dt.np))
    result = t._make(np.array(data, dtype=dt.np), dt)
    if needs_grad(t):
        node.min = low
        node.max = high
        node.save(t)
        record(node, result, (t,))
    return result


def _check_bound(op: str, t: Tensor, value: object) -> None:
    if value is not None and not isinstance(value, SCALAR_TYPES):
        got = ", ".join(type(v).__name__ for v in (t, value))
        raise TypeError(f"{op}() received an invalid combination of arguments - got ({got})")


def clamp(t: Tensor, min: Any = None, max: Any = None) -> Tensor:
    """clamp(t, min, max) with numbers (ClampBackward1) or tensors (ClampBackward0) as bounds."""
    expect_tensor("clamp", t)
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if hasattr(min, "_data") or hasattr(max, "_data"):
        if any(b is not None and not hasattr(b, "_data") for b in (min, max)):
            got = ", ".join(type(v).__name__ for v in (t, min, max))
            raise TypeError(f"clamp() received an invalid combination of arguments - got ({got})")
        return _clamp_tensors(t, min, max)
    _check_bound("clamp", t, min)
    _check_bound("clamp", t, max)
    return _clamped(t, min, max, ClampBackward1())


class ClampBackward0(Node):
    """result = min(max(self, min), max) for tensor bounds;  the gradient goes to whichever won."""

    __slots__ = ("max_shape", "min_shape")
    max_shape: tuple[int, ...] | None
    min_shape: tuple[int, ...] | None
    saved_names = ("self", "min", "max")
    derivatives = (
        Derivative(
            "self",
            _CLAMP_LOCAL,
            r"\mathbb{1}[\min \le \mathrm{self} \le \max]",
            "clamp_backward(grad, self, min, max)",
        ),
        Derivative(
            "min",
            "1 where self < min (< max), else 0",
            r"\mathbb{1}[\mathrm{self} < \min]",
            "clamp_backward_min_max(grad, self, min, max)[0]",
        ),
        Derivative(
            "max",
            "1 where self > max (or max < min), else 0",
            r"\mathbb{1}[\mathrm{self} > \max]",
            "clamp_backward_min_max(grad, self, min, max)[1]",
        ),
    )

    def _masks(self, x: Any, lo: Any, hi: Any) -> tuple[np.ndarray, Any, Any]:
        x = np.asarray(getattr(x, "_data", x))
        lo = None if lo is None else np.asarray(getattr(lo, "_data", lo))
        hi = None if hi is None else np.asarray(getattr(hi, "_data", hi))
        inside = np.ones(x.shape, dtype=bool)
        if lo is not None:
            inside = inside & (x >= lo)
        if hi is not None:
            inside = inside & (x <= hi)
        if lo is not None and hi is not None:
            to_min = (x < lo) & (lo < hi)
            to_max = (x > hi) | (hi < lo)
        else:
            to_min = None if lo is None else x < lo
            to_max = None if hi is None else x > hi
        return inside, to_min, to_max

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, lo, hi = saved
        inside, to_min, to_max = self._masks(x, lo, hi)
        g_self = where_mask(grad, _full(inside, grad))
        g_min = (
            None
            if to_min is None or self.min_shape is None
            else (sum_to(where_mask(grad, _full(to_min, grad)), self.min_shape))
        )
        g_max = (
            None
            if to_max is None or self.max_shape is None
            else (sum_to(where_mask(grad, _full(to_max, grad)), self.max_shape))
        )
        return sum_to(g_self, tuple(np.shape(getattr(x, "_data", x)))), g_min, g_max

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released or not self._saved:
            return (None, None, None)
        inside, to_min, to_max = self._masks(*self._saved)
        return tuple(
            None if m is None else np.asarray(m, dtype=np.float32) for m in (inside, to_min, to_max)
        )


def _full(mask: np.ndarray, grad: Grad) -> np.ndarray:
    data: np.ndarray = np.asarray(getattr(grad, "_data", grad))
    return np.broadcast_to(mask, data.shape)


def _clamp_tensors(t: Tensor, low: Tensor | None, high: Tensor | None) -> Tensor:
    dt = t._dtype
    for bound in (low, high):
        if bound is not None:
            dt = dtypes.promote_types(dt, binary_dtype(t, bound))
    data = t._data.astype(dt.np)
    if low is not None:
        broadcast_shape(tuple(data.shape), tuple(low._data.shape))
        data = np.maximum(data, low._data.astype(dt.np))
    if high is not None:
        broadcast_shape(tuple(data.shape), tuple(high._data.shape))
        data = np.minimum(data, high._data.astype(dt.np))
    result = t._make(np.array(data, dtype=dt.np), dt)
    if needs_grad(t, low, high):
        node = ClampBackward0()
        node.min_shape = None if low is None else tuple(low._data.shape)
        node.max_shape = None if high is None else tuple(high._data.shape)
        node.save(t, low, high)
        record(node, result, (t, low, high))
    return result


def clamp_min(t: Tensor, min: Number) -> Tensor:
    expect_tensor("clamp_min", t)
    _check_bound("clamp_min", t, min)
    return _clamped(t, min, None, ClampMinBackward0())


def clamp_max(t: Tensor, max: Number) -> Tensor:
    expect_tensor("clamp_max", t)
    _check_bound("clamp_max", t, max)
    return _clamped(t, None, max, ClampMaxBackward0())


clip = clamp
