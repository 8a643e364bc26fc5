"""Comparisons (`== != < <= > >=`, equal, allclose) returning bool tensors, and `where`.

A comparison is not differentiable: its result is a bool tensor with no grad_fn, even when an
operand requires grad. Operands are compared in their promoted dtype, as PyTorch does (an
int64 tensor against a float32 tensor compares in float32).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.dtypes import SCALAR_TYPES, Number, scalar_type_name
from engine.ops.broadcast import broadcast_error, broadcast_shape, sum_to
from engine.ops.operand import binary_dtype, expect_tensor, operand_data

if TYPE_CHECKING:
    from engine.tensor import Tensor


def _compare(a: Tensor, b: object, ufunc: Any) -> Tensor:
    if not isinstance(b, SCALAR_TYPES) and not hasattr(b, "_data"):
        # lets Python fall back: `t == None` is False, `t < "x"` raises Python's TypeError
        return NotImplemented  # type: ignore[no-any-return]
    other: Tensor | Number = b  # type: ignore[assignment]
    dt = binary_dtype(a, other)
    try:
        data = ufunc(operand_data(a, dt), operand_data(other, dt))
    except ValueError:
        raise broadcast_error(tuple(a._data.shape), tuple(np.shape(other_data(other)))) from None
    return a._make(np.asarray(data, dtype=np.bool_), dtypes.bool_)


def other_data(value: Tensor | Number) -> Any:
    return value if isinstance(value, SCALAR_TYPES) else value._data


def eq(a: Tensor, b: object) -> Tensor:
    """`a == b` elementwise, as a bool tensor."""
    expect_tensor("eq", a)
    return _compare(a, b, np.equal)


def ne(a: Tensor, b: object) -> Tensor:
    """`a != b` elementwise, as a bool tensor."""
    expect_tensor("ne", a)
    return _compare(a, b, np.not_equal)


def lt(a: Tensor, b: object) -> Tensor:
    """`a < b` elementwise, as a bool tensor."""
    expect_tensor("lt", a)
    return _compare(a, b, np.less)


def le(a: Tensor, b: object) -> Tensor:
    """`a <= b` elementwise, as a bool tensor."""
    expect_tensor("le", a)
    return _compare(a, b, np.less_equal)


def gt(a: Tensor, b: object) -> Tensor:
    """`a > b` elementwise, as a bool tensor."""
    expect_tensor("gt", a)
    return _compare(a, b, np.greater)


def ge(a: Tensor, b: object) -> Tensor:
    """`a >= b` elementwise, as a bool tensor."""
    expect_tensor("ge", a)
    return _compare(a, b, np.greater_equal)


def equal(a: Tensor, b: Tensor) -> bool:
    """True when `a` and `b` have the same shape and the same values (NaN is never equal)."""
    expect_tensor("equal", a)
    expect_tensor("equal", b, position=2, arg="other")
    if a._data.shape != b._data.shape:
        return False
    dt = binary_dtype(a, b)
    return bool(np.array_equal(operand_data(a, dt), operand_data(b, dt)))


def allclose(
    a: Tensor, b: Tensor, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False
) -> bool:
    """True when |a - b| <= atol + rtol·|b| everywhere (broadcasting; the dtypes must match)."""
    expect_tensor("allclose", a)
    expect_tensor("allclose", b, position=2, arg="other")
    if a._dtype is not b._dtype:
        raise RuntimeError(
            f"{scalar_type_name(a._dtype)} did not match {scalar_type_name(b._dtype)}"
        )
    broadcast_shape(tuple(a._data.shape), tuple(b._data.shape))
    return bool(np.allclose(a._data, b._data, rtol=rtol, atol=atol, equal_nan=equal_nan))


# --- where -------------------------------------------------------------------------------------


class WhereBackward0(Node):
    """result = where(condition, self, other);  ∂/∂self = 1 where condition, ∂/∂other elsewhere."""

    __slots__ = ("condition", "condition_tensor", "other_shape", "self_shape")
    condition: np.ndarray
    condition_tensor: Tensor
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    derivatives = (
        Derivative(
            "self",
            "1 where condition, else 0",
            r"\mathbb{1}[\mathrm{condition}]",
            "where(condition, grad, 0)",
        ),
        Derivative(
            "other",
            "0 where condition, else 1",
            r"\mathbb{1}[\lnot\mathrm{condition}]",
            "where(condition, 0, grad)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        cond = self.condition
        if isinstance(grad, np.ndarray | np.generic):
            zero = np.zeros((), dtype=grad.dtype)
            g_self = np.where(cond, grad, zero)
            g_other = np.where(cond, zero, grad)
        else:
            dt = grad._data.dtype
            g_self = grad * grad._make(cond.astype(dt), grad.dtype)
            g_other = grad * grad._make((~cond).astype(dt), grad.dtype)
        return sum_to(g_self, self.self_shape), sum_to(g_other, self.other_shape)

    def saved_values(self) -> dict[str, Any]:
        return {"condition": self.condition_tensor}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (self.condition.astype(np.float32), (~self.condition).astype(np.float32))


def _where_dtype(x: Tensor | Number, y: Tensor | Number) -> dtypes.dtype:
    if not isinstance(x, SCALAR_TYPES):
        return binary_dtype(x, y)
    if not isinstance(y, SCALAR_TYPES):
        return binary_dtype(y, x)
    # two Python numbers: the default dtype of the wider kind
    kinds = (dtypes.scalar_dtype(x), dtypes.scalar_dtype(y))
    return kinds[0] if kinds[0].category >= kinds[1].category else kinds[1]


def where(
    condition: Tensor, x: Tensor | Number | None = None, y: Tensor | Number | None = None
) -> Any:
    """`where(c, x, y)`: x where c is true, else y; `where(c)`: the indices of the true elements."""
    expect_tensor("where", condition)
    if x is None and y is None:
        return tuple(
            condition._make(np.asarray(i, dtype=np.int64), dtypes.int64)
            for i in np.nonzero(condition._data)
        )
    if x is None or y is None:
        raise TypeError("where() missing required argument: 'other'")
    if condition._dtype is not dtypes.bool_:
        raise RuntimeError(
            "where expected condition to be a boolean tensor, but got a tensor with dtype "
            f"{scalar_type_name(condition._dtype)}"
        )
    dt = _where_dtype(x, y)
    xd, yd = operand_data(x, dt), operand_data(y, dt)
    shape = broadcast_shape(tuple(condition._data.shape), tuple(np.shape(xd)))
    shape = broadcast_shape(shape, tuple(np.shape(yd)))
    data = np.asarray(np.where(condition._data, xd, yd), dtype=dt.np).reshape(shape)
    result = condition._make(data, dt)
    if needs_grad(x, y):
        node = WhereBackward0()
        node.condition = condition._data.copy()
        node.condition_tensor = condition
        node.self_shape = tuple(np.shape(xd))
        node.other_shape = tuple(np.shape(yd))
        record(node, result, (x, y))
    return result


# --- logical and bitwise ops on masks ----------------------------------------------------------


def _bitwise(op: str, a: Tensor, b: object, ufunc: Any) -> Tensor:
    if not isinstance(b, SCALAR_TYPES) and not hasattr(b, "_data"):
        return NotImplemented  # type: ignore[no-any-return]
    other: Tensor | Number = b  # type: ignore[assignment]
    dt = binary_dtype(a, other)
    if dt.is_floating_point:
        raise NotImplementedError(f"\"{op}_cpu\" not implemented for '{scalar_type_name(dt)}'")
    try:
        data = ufunc(operand_data(a, dt), operand_data(other, dt))
    except ValueError:
        raise broadcast_error(tuple(a._data.shape), tuple(np.shape(other_data(other)))) from None
    return a._make(np.asarray(data, dtype=dt.np), dt)


def bitwise_and(a: Tensor, b: object) -> Tensor:
    """`a & b`: logical and for bool tensors, bitwise and for integers."""
    expect_tensor("bitwise_and", a)
    return _bitwise("bitwise_and", a, b, np.bitwise_and)


def bitwise_or(a: Tensor, b: object) -> Tensor:
    """`a | b`: logical or for bool tensors, bitwise or for integers."""
    expect_tensor("bitwise_or", a)
    return _bitwise("bitwise_or", a, b, np.bitwise_or)


def bitwise_xor(a: Tensor, b: object) -> Tensor:
    """`a ^ b`: logical xor for bool tensors, bitwise xor for integers."""
    expect_tensor("bitwise_xor", a)
    return _bitwise("bitwise_xor", a, b, np.bitwise_xor)


def bitwise_not(a: Tensor) -> Tensor:
    """`~a`: logical not for bool tensors, bitwise not for integers."""
    expect_tensor("bitwise_not", a)
    if a._dtype.is_floating_point:
        raise TypeError(
            "~ (operator.invert) is only implemented on integer and Boolean-type tensors"
        )
    return a._make(np.invert(a._data), a._dtype)


def _truth(value: Tensor | Number) -> Any:
    return np.asarray(value != 0) if isinstance(value, SCALAR_TYPES) else value._data != 0


def logical_and(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("logical_and", a)
    return a._make(np.logical_and(_truth(a), _truth(b)), dtypes.bool_)


def logical_or(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("logical_or", a)
    return a._make(np.logical_or(_truth(a), _truth(b)), dtypes.bool_)


def logical_xor(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("logical_xor", a)
    return a._make(np.logical_xor(_truth(a), _truth(b)), dtypes.bool_)


def logical_not(a: Tensor) -> Tensor:
    expect_tensor("logical_not", a)
    return a._make(np.logical_not(_truth(a)), dtypes.bool_)


def any(t: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    """True where some element (along `dim`) is non-zero."""
    expect_tensor("any", t)
    return t._make(np.asarray(np.any(_truth(t), axis=dim, keepdims=keepdim)), dtypes.bool_)


def all(t: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    """True where every element (along `dim`) is non-zero."""
    expect_tensor("all", t)
    return t._make(np.asarray(np.all(_truth(t), axis=dim, keepdims=keepdim)), dtypes.bool_)


# --- masked_fill -------------------------------------------------------------------------------


class MaskedFillBackward0(Node):
    """result = self.masked_fill(mask, value);  ∂result/∂self = 0 where mask, else 1."""

    __slots__ = ("mask",)
    mask: np.ndarray
    derivatives = (
        Derivative(
            "self",
            "0 where mask, else 1",
            r"\mathbb{1}[\lnot\mathrm{mask}]",
            "grad.masked_fill(mask, 0)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        keep = ~self.mask
        if isinstance(grad, np.ndarray | np.generic):
            return (np.where(keep, grad, np.zeros((), dtype=grad.dtype)),)
        return (grad * grad._make(keep.astype(grad._data.dtype), grad.dtype),)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return ((~self.mask).astype(np.float32),)


def masked_fill_mask(t: Tensor, mask: np.ndarray) -> Tensor:
    """`t.masked_fill_(mask, 0.0)` on a fresh result (MaskedFillBackward0)."""
    data = np.where(mask, np.zeros((), dtype=t._data.dtype), t._data)
    result = t._make(np.asarray(data, dtype=t._data.dtype), t._dtype)
    if needs_grad(t):
        node = MaskedFillBackward0()
        node.mask = np.broadcast_to(mask, t._data.shape).copy()
        record(node, result, (t,))
    return result
