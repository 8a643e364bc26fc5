"""In-place operations (`add_`, `mul_`, `x[i] = v`, …): leaf check, version counter, history.

An in-place op overwrites a tensor's storage, so everything that saved the old values for
backward can no longer trust them: each in-place op bumps the tensor's version counter, and a
saved tensor whose version moved makes backward fail with PyTorch's message. Under grad mode
the tensor's history is rebased: its `grad_fn` becomes the in-place op's node, whose edge leads
to the old `grad_fn`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node, grad_accumulator
from engine.autograd.grad_mode import is_grad_enabled
from engine.autograd.record import needs_grad, record
from engine.dtypes import SCALAR_TYPES, Number
from engine.ops import arithmetic, clamp, indexing
from engine.ops.broadcast import sum_to
from engine.ops.operand import binary_dtype, check_operand, operand_data

if TYPE_CHECKING:
    from engine.tensor import Tensor

_CAST_NAMES = {"float32": "Float", "float64": "Double", "int64": "Long", "bool": "Bool"}


def check_inplace(t: Tensor) -> None:
    """PyTorch refuses to overwrite a leaf that requires grad (and views of one) in grad mode."""
    if not is_grad_enabled() or not t._requires_grad:
        return
    if t._grad_fn is None:
        raise RuntimeError(
            "a leaf Variable that requires grad is being used in an in-place operation."
        )
    base = t._base
    if base is not None and base._grad_fn is None and base._requires_grad:
        raise RuntimeError(
            "a view of a leaf Variable that requires grad is being used in an in-place operation."
        )


def _check_cast(t: Tensor, other: Tensor | Number) -> None:
    dt = binary_dtype(t, other)
    if dt.category > t._dtype.category:
        raise RuntimeError(
            f"result type {_CAST_NAMES.get(dt.name, dt.name)} can't be cast to the desired "
            f"output type {_CAST_NAMES.get(t._dtype.name, t._dtype.name)}"
        )


def _old_value(t: Tensor) -> Tensor:
    """A stand-in for `t` before the write: a copy carrying `t`'s current history."""
    old = t._make(t._data.copy(), t._dtype)
    old._grad_fn = t._grad_fn
    old._output_nr = t._output_nr
    old._requires_grad = t._requires_grad
    if t._grad_fn is None and t._requires_grad:
        old._accumulator = grad_accumulator(t)
    return old


def _write(t: Tensor, result: Tensor) -> Tensor:
    """Store `result` into `t`'s storage, bump the version, and take over its history."""
    if result._data.shape != t._data.shape:
        raise RuntimeError(
            f"output with shape {_dims(t._data.shape)} doesn't match the broadcast shape "
            f"{_dims(result._data.shape)}"
        )
    np.copyto(t._data, result._data, casting="unsafe")
    t._bump_version()
    if result._grad_fn is not None:
        t._grad_fn = result._grad_fn
        t._output_nr = result._output_nr
        t._requires_grad = True
    return t


def _dims(s: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(d) for d in s) + "]"


def _binary_inplace(
    t: Tensor,
    other: Tensor | Number,
    op: str,
    forward: Callable[[Tensor, Tensor | Number], Tensor],
    ufunc: Any,
) -> Tensor:
    check_operand(other, op, t)
    check_inplace(t)
    _check_cast(t, other)
    if not needs_grad(t, other):
        y = operand_data(other, t._dtype) if not isinstance(other, SCALAR_TYPES) else other
        try:
            out = ufunc(t._data, y)
        except ValueError:
            out = forward(t.detach(), other)._data  # raises PyTorch's broadcast error
        return _write(t, t._make(np.asarray(out, dtype=t._data.dtype), t._dtype))
    result = forward(_old_value(t), other)
    return _write(t, result)


def add_(t: Tensor, other: Tensor | Number, alpha: Number = 1) -> Tensor:
    if alpha != 1:
        return _binary_inplace(
            t,
            other,
            "+=",
            lambda a, b: arithmetic.add(a, b, alpha=alpha),
            arithmetic.alpha_ufunc(alpha),
        )
    return _binary_inplace(t, other, "+=", arithmetic.add, np.add)


def sub_(t: Tensor, other: Tensor | Number, alpha: Number = 1) -> Tensor:
    if alpha != 1:
        return _binary_inplace(
            t,
            other,
            "-=",
            lambda a, b: arithmetic.sub(a, b, alpha=alpha),
            arithmetic.alpha_ufunc(-alpha),
        )
    return _binary_inplace(t, other, "-=", arithmetic.sub, np.subtract)


def mul_(t: Tensor, other: Tensor | Number) -> Tensor:
    return _binary_inplace(t, other, "*=", arithmetic.mul, np.multiply)


def div_(t: Tensor, other: Tensor | Number) -> Tensor:
    if not t._dtype.is_floating_point:
        raise RuntimeError(
            "result type Float can't be cast to the desired output type "
            f"{_CAST_NAMES.get(t._dtype.name, t._dtype.name)}"
        )
    return _binary_inplace(t, other, "/=", arithmetic.div, np.true_divide)


def clamp_(t: Tensor, min: Number | None, max: Number | None) -> Tensor:
    check_inplace(t)
    if not needs_grad(t):
        return _write(t, clamp.clamp(t.detach(), min, max))
    return _write(t, clamp.clamp(_old_value(t), min, max))


# --- zero_ / fill_ -----------------------------------------------------------------------------


class ZeroBackward0(Node):
    """self.zero_();  the old values no longer matter: ∂result/∂self = 0."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad * 0,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.zeros(()),)


class FillBackward2(Node):
    """self.fill_(value);  ∂result/∂self = 0."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad * 0,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.zeros(()),)


def _overwrite(t: Tensor, value: Number, node_type: type[Node]) -> Tensor:
    check_inplace(t)
    grad = needs_grad(t)
    edge_source = _old_value(t) if grad else None
    t._data[...] = value
    t._bump_version()
    if grad and edge_source is not None:
        result = t._make(t._data, t._dtype)
        record(node_type(), result, (edge_source,))
        t._grad_fn = result._grad_fn
        t._output_nr = 0
    return t


def zero_(t: Tensor) -> Tensor:
    return _overwrite(t, 0, ZeroBackward0)


def fill_(t: Tensor, value: Number | Tensor) -> Tensor:
    number = value if isinstance(value, SCALAR_TYPES) else value.item()
    return _overwrite(t, number, FillBackward2)


# --- copy_ / setitem ---------------------------------------------------------------------------


class CopyBackwards(Node):
    """self.copy_(src);  ∂result/∂self = 0, ∂result/∂src = 1 (summed back to src's shape)."""

    __slots__ = ("src_shape",)
    src_shape: tuple[int, ...]
    derivatives = (
        Derivative("self", "0", "0", "zeros_like(grad)"),
        Derivative("src", "1", "1", "grad"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return grad * 0, sum_to(grad, self.src_shape)


def copy_(t: Tensor, src: Tensor) -> Tensor:
    check_inplace(t)
    try:
        new = np.broadcast_to(src._data, t._data.shape)
    except ValueError:
        raise RuntimeError(
            f"The size of tensor a ({t._data.shape[-1] if t._data.ndim else 1}) must match the "
            f"size of tensor b ({src._data.shape[-1] if src._data.ndim else 1}) at "
            "non-singleton dimension 0"
        ) from None
    grad = needs_grad(t, src)
    old = _old_value(t) if grad else None
    np.copyto(t._data, new, casting="unsafe")
    t._bump_version()
    if grad and old is not None:
        node = CopyBackwards()
        node.src_shape = tuple(src._data.shape)
        result = t._make(t._data, t._dtype)
        record(node, result, (old, src))
        t._grad_fn = node
        t._output_nr = 0
        t._requires_grad = True
    return t


class CopySlices(Node):
    """self[index] = value;  the overwritten slots' gradient goes to `value`, the rest to self."""

    __slots__ = ("index", "value_shape")
    index: Any
    value_shape: tuple[int, ...]
    derivatives = (
        Derivative("self", "1 outside the slice, 0 inside", r"\mathbb{1}_{\notin idx}", "grad"),
        Derivative("value", "1 inside the slice", r"\mathbb{1}_{\in idx}", "grad[index]"),
    )

    def name(self) -> str:
        return "torch::autograd::CopySlices"

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        if isinstance(grad, np.ndarray):
            g_self = grad.copy()
            g_value = sum_to(np.asarray(grad[self.index]), self.value_shape)
            g_self[self.index] = 0
            return g_self, g_value
        mask = np.ones(tuple(grad.shape), dtype=bool)
        mask[self.index] = False
        g_self = grad * grad._make(mask.astype(grad._data.dtype), grad.dtype)
        return g_self, sum_to(grad[self.index], self.value_shape)


def _is_basic(index: Any) -> bool:
    items = index if isinstance(index, tuple) else (index,)
    return all(it is None or it is Ellipsis or isinstance(it, int | slice) for it in items)


def setitem(t: Tensor, index: Any, value: Tensor | Number) -> None:
    if is_grad_enabled() and t._requires_grad and t._grad_fn is None and _is_basic(index):
        # `x[i] = v` writes through a view of x, so PyTorch names the view
        raise RuntimeError(
            "a view of a leaf Variable that requires grad is being used in an in-place operation."
        )
    check_inplace(t)
    idx = indexing.numpy_index(t, index)
    data = value if isinstance(value, SCALAR_TYPES) else value._data
    grad = needs_grad(t, value)
    old = _old_value(t) if grad else None
    try:
        t._data[idx] = data
    except ValueError:
        target = np.empty(t._data.shape)[idx].shape
        raise RuntimeError(
            f"shape mismatch: value tensor of shape {_dims(np.shape(data))} cannot be broadcast "
            f"to indexing result of shape {_dims(target)}"
        ) from None
    t._bump_version()
    if grad and old is not None:
        node = CopySlices()
        node.index = idx
        node.value_shape = () if isinstance(value, SCALAR_TYPES) else tuple(value._data.shape)
        result = t._make(t._data, t._dtype)
        record(node, result, (old, value))
        t._grad_fn = node
        t._output_nr = 0
        t._requires_grad = True
