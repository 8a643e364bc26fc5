"""Reductions: sum, mean, max/min (of everything or along a dim), argmax/argmin.

A reduction's backward hands each input element its share of the gradient: all of it for
sum, 1/N of it for mean, and for max/min only to the element that was selected (split evenly
between ties when the whole tensor is reduced, as PyTorch does).
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes, return_types
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.dtypes import scalar_type_name
from engine.ops.cascade_sum import torch_sum
from engine.ops.maximum import maximum, minimum
from engine.ops.operand import expect_tensor
from engine.size import wrap_dim

if TYPE_CHECKING:
    from engine.tensor import Tensor

Dims = int | tuple[int, ...] | list[int] | None


def reduce_dims(t: Tensor, dim: Dims) -> tuple[int, ...]:
    """The wrapped, de-duplicated-checked axes of `dim` (None or () mean every axis)."""
    ndim = t._data.ndim
    if dim is None:
        return tuple(range(ndim))
    raw = (dim,) if isinstance(dim, int) else tuple(dim)
    axes = tuple(wrap_dim(int(d), ndim) for d in raw)
    for i, d in enumerate(axes):
        if d in axes[:i]:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
    if ndim == 0:
        return ()
    return axes if raw else tuple(range(ndim))


def _kept_shape(sizes: tuple[int, ...], axes: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(1 if i in axes else d for i, d in enumerate(sizes))


def _expand_back(grad: Grad, sizes: tuple[int, ...], axes: tuple[int, ...], keepdim: bool) -> Grad:
    """Broadcast a reduced gradient back over the reduced axes (sum's backward)."""
    kept = _kept_shape(sizes, axes)
    if isinstance(grad, np.ndarray | np.generic):
        return np.broadcast_to(np.reshape(grad, kept), sizes).copy()
    g = grad if keepdim or tuple(grad.shape) == kept else grad.reshape(kept)
    return g.expand(*sizes)


# --- sum / mean --------------------------------------------------------------------------------


class SumBackward0(Node):
    """result = Σ self (every element);  ∂result/∂self = 1 for each element."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1", "1", "grad.expand(self.sizes())"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        axes = tuple(range(len(self.self_sizes)))
        return (_expand_back(grad, self.self_sizes, axes, False),)

    def saved_values(self) -> dict[str, Any]:
        return {"self_sym_sizes": self.self_sizes}


class SumBackward1(Node):
    """result = Σ self over `dim`;  ∂result/∂self = 1 for each element summed."""

    __slots__ = ("axes", "dim", "keepdim", "self_sizes")
    axes: tuple[int, ...]
    dim: tuple[int, ...]
    keepdim: bool
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1", "1", "sum_backward(grad, self.sizes(), dim, keepdim)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (_expand_back(grad, self.self_sizes, self.axes, self.keepdim),)

    def saved_values(self) -> dict[str, Any]:
        return {"dim": self.dim, "keepdim": self.keepdim, "self_sym_sizes": self.self_sizes}


def _sum(data: np.ndarray, axes: tuple[int, ...], keepdim: bool) -> np.ndarray:
    """Σ over `axes`: floats in PyTorch's addition order (so `.item()` agrees to the last bit)."""
    if data.dtype.kind == "f":
        return torch_sum(data, axes, keepdim)
    return np.asarray(np.sum(data, axis=axes, keepdims=keepdim))


def _sum_dtype(t: Tensor, dtype: dtypes.dtype | None) -> dtypes.dtype:
    if dtype is not None:
        return dtype
    return t._dtype if t._dtype.is_floating_point else dtypes.int64


def sum(
    t: Tensor, dim: Dims = None, keepdim: bool = False, *, dtype: dtypes.dtype | None = None
) -> Tensor:
    expect_tensor("sum", t)
    dt = _sum_dtype(t, dtype)
    data = t._data if t._data.dtype == dt.np else t._data.astype(dt.np)
    sizes = tuple(t._data.shape)
    if dim is None:
        result = t._make(_sum(data, tuple(range(data.ndim)), False), dt)
        if needs_grad(t):
            node0 = SumBackward0()
            node0.self_sizes = sizes
            record(node0, result, (t,))
        return result
    axes = reduce_dims(t, dim)
    out = _sum(data, axes, keepdim) if axes else data.copy()
    result = t._make(np.asarray(out, dtype=dt.np), dt)
    if needs_grad(t):
        node = SumBackward1()
        node.axes = axes
        node.dim = (dim,) if isinstance(dim, int) else tuple(dim)
        node.keepdim = keepdim
        node.self_sizes = sizes
        record(node, result, (t,))
    return result


class MeanBackward0(Node):
    """result = (Σ self) / N (every element);  ∂result/∂self = 1/N for each element."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1 / N", r"\frac{1}{N}", "grad.expand(self.sizes()) / N"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        axes = tuple(range(len(self.self_sizes)))
        count = int(np.prod(self.self_sizes))
        with np.errstate(all="ignore"):
            return (_expand_back(grad, self.self_sizes, axes, False) / count,)

    def saved_values(self) -> dict[str, Any]:
        return {"self_sym_numel": int(np.prod(self.self_sizes)), "self_sym_sizes": self.self_sizes}


class MeanBackward1(Node):
    """result = (Σ self over `dim`) / N;  ∂result/∂self = 1/N, N the number of elements averaged."""

    __slots__ = ("axes", "dim", "keepdim", "self_sizes")
    axes: tuple[int, ...]
    dim: tuple[int, ...]
    keepdim: bool
    self_sizes: tuple[int, ...]
    derivatives = (
        Derivative(
            "self", "1 / N", r"\frac{1}{N}", "mean_backward(grad, self.sizes(), dim, N, keepdim)"
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        count = int(np.prod([self.self_sizes[a] for a in self.axes]))
        with np.errstate(all="ignore"):
            return (_expand_back(grad, self.self_sizes, self.axes, self.keepdim) / count,)

    def saved_values(self) -> dict[str, Any]:
        return {
            "dim": self.dim,
            "keepdim": self.keepdim,
            "self_sym_numel": int(np.prod(self.self_sizes)),
            "self_sym_sizes": self.self_sizes,
        }


def mean(
    t: Tensor, dim: Dims = None, keepdim: bool = False, *, dtype: dtypes.dtype | None = None
) -> Tensor:
    expect_tensor("mean", t)
    dt = dtype or t._dtype
    if not dt.is_floating_point:
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating point "
            f"or complex dtype. Got: {scalar_type_name(dt)}"
        )
    data = t._data if t._data.dtype == dt.np else t._data.astype(dt.np)
    sizes = tuple(t._data.shape)
    axes = tuple(range(data.ndim)) if dim is None else reduce_dims(t, dim)
    with np.errstate(all="ignore"):  # the mean of nothing is nan, silently
        count = int(np.prod([sizes[a] for a in axes]))
        total = _sum(data, axes, keepdim and dim is not None)
        out = np.asarray(total / np.asarray(count, dtype=dt.np) if count else total * np.nan)
    result = t._make(np.asarray(out, dtype=dt.np), dt)
    if needs_grad(t):
        if dim is None:
            node0 = MeanBackward0()
            node0.self_sizes = sizes
            record(node0, result, (t,))
        else:
            node = MeanBackward1()
            node.axes = axes
            node.dim = (dim,) if isinstance(dim, int) else tuple(dim)
            node.keepdim = keepdim
            node.self_sizes = sizes
            record(node, result, (t,))
    return result


# --- max / min of everything -------------------------------------------------------------------


def _tie_mask(x: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Where `x` equals the selected value (NaN matches NaN, as PyTorch's max propagates it)."""
    if np.isnan(value).any():
        return np.asarray(np.isnan(x))
    return np.asarray(x == value)


class _SelectAll(Node):
    """max()/min() of every element: the gradient is split evenly between the tied extremes."""

    __slots__ = ()
    saved_names = ("self", "result")

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, result = saved
        xd = np.asarray(getattr(x, "_data", x))
        mask = _tie_mask(xd, np.asarray(getattr(result, "_data", result)))
        count = int(mask.sum())
        if isinstance(grad, np.ndarray | np.generic):
            g = np.asarray(grad)
            with np.errstate(all="ignore"):
                share = np.asarray(g / count, dtype=g.dtype)
            return (np.where(mask, share, np.zeros((), dtype=share.dtype)),)
        weights = grad._make(mask.astype(xd.dtype), x.dtype)
        return (weights * (grad / count),)


class MaxBackward1(_SelectAll):
    """result = max(self) over every element;  ∂result/∂self = 1/k at the k maxima, else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "1/k where self == result (k ties), else 0",
            r"\frac{\mathbb{1}[\mathrm{self} = \max]}{k}",
            "evenly_distribute_backward(grad, self, result)",
        ),
    )


class MinBackward1(_SelectAll):
    """result = min(self) over every element;  ∂result/∂self = 1/k at the k minima, else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "1/k where self == result (k ties), else 0",
            r"\frac{\mathbb{1}[\mathrm{self} = \min]}{k}",
            "evenly_distribute_backward(grad, self, result)",
        ),
    )


def _reduce_all(t: Tensor, op: str, fn: Any, node: _SelectAll) -> Tensor:
    if t._data.size == 0:
        raise RuntimeError(
            f"{op}(): Expected reduction dim to be specified for input.numel() == 0. Specify "
            "the reduction dim with the 'dim' argument."
        )
    result = t._make(np.asarray(fn(t._data), dtype=t._data.dtype), t._dtype)
    if needs_grad(t):
        node.save(t, result)
        record(node, result, (t,))
    return result


# --- max / min along a dim ---------------------------------------------------------------------


class _SelectDim(Node):
    """max(dim)/min(dim): the gradient goes to the selected index along `dim`, zeros elsewhere."""

    __slots__ = ("axis", "dim", "keepdim", "self_sizes")
    axis: int
    dim: int
    keepdim: bool
    self_sizes: tuple[int, ...]
    saved_names = ("indices",)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (indices,) = saved
        idx = np.asarray(getattr(indices, "_data", indices))
        sizes = self.self_sizes
        if not sizes:  # a 0-d input: the single element was selected
            return (grad,)
        kept = _kept_shape(sizes, (self.axis,))
        idx = idx.reshape(kept)
        if isinstance(grad, np.ndarray | np.generic):
            out = np.zeros(sizes, dtype=grad.dtype)
            np.put_along_axis(out, idx, np.reshape(grad, kept), axis=self.axis)
            return (out,)
        positions = np.arange(sizes[self.axis]).reshape(
            tuple(-1 if i == self.axis else 1 for i in range(len(sizes)))
        )
        onehot = grad._make((positions == idx).astype(grad._data.dtype), grad.dtype)
        return (_expand_back(grad, sizes, (self.axis,), self.keepdim) * onehot,)

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values.update(dim=self.dim, keepdim=self.keepdim, self_sym_sizes=self.self_sizes)
        return values


class MaxBackward0(_SelectDim):
    """values = max(self, dim);  ∂values/∂self = 1 at the index of each maximum, else 0."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "1 at indices, else 0",
            r"\mathbb{1}[i = \mathrm{indices}]",
            "value_selecting_reduction_backward(grad, dim, indices, self.sizes(), keepdim)",
        ),
    )


class MinBackward0(_SelectDim):
    """values = min(self, dim);  ∂values/∂self = 1 at the index of each minimum, else 0."""

    __slots__ = ()
    derivatives = MaxBackward0.derivatives


def _reduce_dim(
    t: Tensor, dim: int, keepdim: bool, arg: Any, node: _SelectDim, kind: type[Any]
) -> Any:
    axis = wrap_dim(dim, t._data.ndim)
    if t._data.ndim == 0:
        values_data = t._data.copy()
        index_data = np.zeros((), dtype=np.int64)
    else:
        if t._data.shape[axis] == 0:
            raise IndexError(
                f"{kind.__name__}(): Expected reduction dim {axis} to have non-zero size."
            )
        index_data = np.expand_dims(arg(t._data, axis=axis), axis)
        values_data = np.take_along_axis(t._data, index_data, axis=axis)
        if not keepdim:
            index_data = np.squeeze(index_data, axis)
            values_data = np.squeeze(values_data, axis)
    values = t._make(np.asarray(values_data, dtype=t._data.dtype), t._dtype)
    indices = t._make(np.asarray(index_data, dtype=np.int64), dtypes.int64)
    if needs_grad(t):
        node.axis = axis
        node.dim = dim
        node.keepdim = keepdim
        node.self_sizes = tuple(t._data.shape)
        node.save(indices)
        record(node, values, (t,))
    return kind(values, indices)


# --- the public max / min / argmax / argmin ----------------------------------------------------


def max(t: Tensor, dim: Any = None, keepdim: bool = False) -> Any:
    """`max(t)` (MaxBackward1), `max(t, dim)` → (values, indices), `max(t, other)` (maximum)."""
    expect_tensor("max", t)
    if hasattr(dim, "_data"):
        return maximum(t, dim)
    if dim is None:
        return _reduce_all(t, "max", np.max, MaxBackward1())
    return _reduce_dim(t, _int_dim("max", dim), keepdim, np.argmax, MaxBackward0(),
                       return_types.max)  # fmt: skip


def min(t: Tensor, dim: Any = None, keepdim: bool = False) -> Any:
    """`min(t)` (MinBackward1), `min(t, dim)` → (values, indices), `min(t, other)` (minimum)."""
    expect_tensor("min", t)
    if hasattr(dim, "_data"):
        return minimum(t, dim)
    if dim is None:
        return _reduce_all(t, "min", np.min, MinBackward1())
    return _reduce_dim(t, _int_dim("min", dim), keepdim, np.argmin, MinBackward0(),
                       return_types.min)  # fmt: skip


def _int_dim(op: str, dim: Any) -> int:
    if isinstance(dim, builtins.bool) or not isinstance(dim, int):
        raise TypeError(
            f"{op}() received an invalid combination of arguments - got "
            f"({type(dim).__name__}), but expected (int dim, bool keepdim = False)"
        )
    return dim


def _arg(op: str, t: Tensor, dim: int | None, keepdim: bool, fn: Any) -> Tensor:
    expect_tensor(op, t)
    if dim is None:
        if t._data.size == 0:
            raise IndexError(
                f"{op}(): Expected reduction dim to be specified for input.numel() == 0."
            )
        index = np.asarray(fn(t._data), dtype=np.int64)
        if keepdim:
            index = index.reshape((1,) * t._data.ndim)
        return t._make(index, dtypes.int64)
    axis = wrap_dim(dim, t._data.ndim)
    if t._data.ndim == 0:
        return t._make(np.zeros((), dtype=np.int64), dtypes.int64)
    index = np.asarray(fn(t._data, axis=axis, keepdims=keepdim), dtype=np.int64)
    return t._make(index, dtypes.int64)


def argmax(t: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    return _arg("argmax", t, dim, keepdim, np.argmax)


def argmin(t: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:
    return _arg("argmin", t, dim, keepdim, np.argmin)
