"""maximum and minimum: the larger (smaller) of two tensors, elementwise, with broadcasting.

The gradient goes to the side that won; a tie splits it in half, as PyTorch does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.ops.broadcast import broadcast_shape, sum_to
from engine.ops.operand import binary_dtype, expect_tensor, operand_data

if TYPE_CHECKING:
    from engine.tensor import Tensor


class _Elementwise(Node):
    """maximum/minimum: the larger (smaller) side gets the gradient; a tie splits it in half."""

    __slots__ = ("other_shape", "self_shape")
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    saved_names = ("self", "other")
    # +1 where self wins, -1 where other wins
    _sign = 1

    def _weights(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        wins = (x > y) if self._sign > 0 else (x < y)
        loses = (x < y) if self._sign > 0 else (x > y)
        tie = x == y
        dt = np.result_type(x.dtype, y.dtype)
        w_self = np.where(tie, 0.5, np.where(loses, 0.0, 1.0)).astype(dt)
        w_other = np.where(tie, 0.5, np.where(wins, 0.0, 1.0)).astype(dt)
        return w_self, w_other

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, y = saved
        xd = np.asarray(getattr(x, "_data", x))
        yd = np.asarray(getattr(y, "_data", y))
        w_self, w_other = self._weights(xd, yd)
        if isinstance(grad, np.ndarray | np.generic):
            g_self, g_other = grad * w_self.astype(grad.dtype), grad * w_other.astype(grad.dtype)
        else:
            g_self = grad * grad._make(w_self.astype(grad._data.dtype), grad.dtype)
            g_other = grad * grad._make(w_other.astype(grad._data.dtype), grad.dtype)
        return sum_to(g_self, self.self_shape), sum_to(g_other, self.other_shape)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released or not self._saved:
            return (None, None)
        x, y = self._saved
        assert x is not None and y is not None
        return self._weights(x._data, y._data)


class MaximumBackward0(_Elementwise):
    """result = maximum(self, other);  ∂/∂self = 1 where self > other, ½ on ties, else 0."""

    __slots__ = ()
    _sign = 1
    derivatives = (
        Derivative(
            "self",
            "1 if self > other, 1/2 if equal, else 0",
            r"\mathbb{1}[\mathrm{self} > \mathrm{other}]",
            "at::where(self == other, grad / 2, grad).masked_fill_(self < other, 0)",
        ),
        Derivative(
            "other",
            "1 if other > self, 1/2 if equal, else 0",
            r"\mathbb{1}[\mathrm{other} > \mathrm{self}]",
            "at::where(self == other, grad / 2, grad).masked_fill_(self > other, 0)",
        ),
    )


class MinimumBackward0(_Elementwise):
    """result = minimum(self, other);  ∂/∂self = 1 where self < other, ½ on ties, else 0."""

    __slots__ = ()
    _sign = -1
    derivatives = (
        Derivative(
            "self",
            "1 if self < other, 1/2 if equal, else 0",
            r"\mathbb{1}[\mathrm{self} < \mathrm{other}]",
            "at::where(self == other, grad / 2, grad).masked_fill_(self > other, 0)",
        ),
        Derivative(
            "other",
            "1 if other < self, 1/2 if equal, else 0",
            r"\mathbb{1}[\mathrm{other} < \mathrm{self}]",
            "at::where(self == other, grad / 2, grad).masked_fill_(self < other, 0)",
        ),
    )


def _elementwise(op: str, a: Tensor, b: Tensor, fn: Any, node: _Elementwise) -> Tensor:
    expect_tensor(op, a)
    expect_tensor(op, b, position=2, arg="other")
    broadcast_shape(tuple(a._data.shape), tuple(b._data.shape))
    dt = binary_dtype(a, b)
    data = fn(operand_data(a, dt), operand_data(b, dt))
    result = a._make(np.asarray(data, dtype=dt.np), dt)
    if needs_grad(a, b):
        node.self_shape = tuple(a._data.shape)
        node.other_shape = tuple(b._data.shape)
        node.save(a, b)
        record(node, result, (a, b))
    return result


def maximum(a: Tensor, b: Tensor) -> Tensor:
    return _elementwise("maximum", a, b, np.maximum, MaximumBackward0())


def minimum(a: Tensor, b: Tensor) -> Tensor:
    return _elementwise("minimum", a, b, np.minimum, MinimumBackward0())
