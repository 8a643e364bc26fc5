"""Joining and tiling: cat, stack and repeat, and unbind, which splits a tensor along a dim.

Backward hands each input its own slice of the gradient (cat, stack), sums the gradients of the
copies of an element (repeat), or stacks the outputs' gradients back (unbind).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node, input_edge
from engine.autograd.record import attach, needs_grad
from engine.ops.view import MOVE, as_view
from engine.size import format_dims, wrap_dim

if TYPE_CHECKING:
    from engine.tensor import Tensor


class RepeatBackward0(Node):
    """result = self.repeat(repeats);  the grads of all copies of an element add up."""

    __slots__ = ("repeats", "self_sizes")
    repeats: tuple[int, ...]
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1 (each copy)", "1", "sum of grad over the copies"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        lead = len(self.repeats) - len(self.self_sizes)
        sizes = (1,) * lead + tuple(self.self_sizes)
        split: list[int] = []
        for r, s in zip(self.repeats, sizes, strict=True):
            split += [r, s]
        axes = tuple(range(0, 2 * len(sizes), 2))
        g = grad.reshape(tuple(split))
        g = g.sum(axis=axes) if isinstance(g, np.ndarray) else g.sum(dim=axes)
        return (g.reshape(self.self_sizes),)


def repeat(tensor: Tensor, repeats: tuple[int, ...]) -> Tensor:
    if len(repeats) < tensor._data.ndim:
        raise RuntimeError(
            "Number of dimensions of repeat dims can not be smaller than number of dimensions "
            "of tensor"
        )
    lead = len(repeats) - tensor._data.ndim
    data = np.tile(tensor._data.reshape((1,) * lead + tensor._data.shape), repeats)
    node = RepeatBackward0()
    node.repeats = repeats
    node.self_sizes = tensor._data.shape
    return attach(node, tensor._make(data, tensor._dtype), (tensor,))


# --- joining and splitting ---------------------------------------------------------------------


class CatBackward0(Node):
    """result = cat(tensors, dim);  each input gets its own slice of the gradient."""

    __slots__ = ("dim", "sizes")
    dim: int
    sizes: tuple[int, ...]
    derivatives = ()

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        out: list[Grad] = []
        start = 0
        for size in self.sizes:
            key = (slice(None),) * self.dim + (slice(start, start + size),)
            out.append(grad[key])
            start += size
        return tuple(out)


class StackBackward0(Node):
    """result = stack(tensors, dim);  input i gets the gradient's slice i along dim."""

    __slots__ = ("count", "dim")
    count: int
    dim: int
    derivatives = ()

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return tuple(grad[(slice(None),) * self.dim + (i,)] for i in range(self.count))


class UnbindBackward0(Node):
    """outputs = self.unbind(dim);  the outputs' gradients are stacked back (zeros where none)."""

    __slots__ = ("dim", "self_sizes")
    dim: int
    self_sizes: tuple[int, ...]
    derivatives = (MOVE,)

    def apply(self, grad_outputs: Sequence[Grad | None], as_tensors: bool) -> tuple[Grad, ...]:
        count = self.self_sizes[self.dim]
        template = next(g for g in grad_outputs if g is not None)
        parts: list[Grad] = []
        for i in range(count):
            g = grad_outputs[i] if i < len(grad_outputs) else None
            parts.append(g if g is not None else template * 0)
        if as_tensors:
            return (stack(list(parts), self.dim),)
        return (np.stack([np.asarray(p) for p in parts], axis=self.dim),)


def _joined_dtype(tensors: Sequence[Tensor]) -> dtypes.dtype:
    dt = tensors[0]._dtype
    for other in tensors[1:]:
        dt = dtypes.promote_types(dt, other._dtype)
    return dt


def cat(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("torch.cat(): expected a non-empty list of Tensors")
    ndim = tensors[0]._data.ndim
    if ndim == 0:
        raise RuntimeError("zero-dimensional tensor (at position 0) cannot be concatenated")
    d = wrap_dim(dim, ndim)
    first = tensors[0]._data.shape
    for n, other in enumerate(tensors[1:], start=1):
        shape_ = other._data.shape
        if len(shape_) != ndim:
            raise RuntimeError(
                f"Tensors must have same number of dimensions: got {ndim} and {len(shape_)}"
            )
        for axis in range(ndim):
            if axis != d and shape_[axis] != first[axis]:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {d}. Expected size "
                    f"{first[axis]} but got size {shape_[axis]} for tensor number {n} in the list."
                )
    dt = _joined_dtype(tensors)
    data = np.concatenate([t._data.astype(dt.np, copy=False) for t in tensors], axis=d)
    node = CatBackward0()
    node.dim = d
    node.sizes = tuple(t._data.shape[d] for t in tensors)
    return attach(node, tensors[0]._make(data, dt), tuple(tensors))


def stack(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    first = tensors[0]._data.shape
    for n, other in enumerate(tensors[1:], start=1):
        if other._data.shape != first:
            raise RuntimeError(
                "stack expects each tensor to be equal size, but got "
                f"{format_dims(first)} at entry 0 and {format_dims(other._data.shape)} at entry {n}"
            )
    d = wrap_dim(dim, len(first) + 1)
    dt = _joined_dtype(tensors)
    data = np.stack([t._data.astype(dt.np, copy=False) for t in tensors], axis=d)
    node = StackBackward0()
    node.dim = d
    node.count = len(tensors)
    return attach(node, tensors[0]._make(data, dt), tuple(tensors))


def unbind(tensor: Tensor, dim: int = 0) -> tuple[Tensor, ...]:
    d = wrap_dim(dim, tensor._data.ndim)
    count = tensor._data.shape[d]
    outs = tuple(
        as_view(tensor, tensor._data[(slice(None),) * d + (i, Ellipsis)]) for i in range(count)
    )
    if needs_grad(tensor) and count:
        node = UnbindBackward0()
        node.dim = d
        node.self_sizes = tensor._data.shape
        node.next_functions = (input_edge(tensor),)
        for i, out in enumerate(outs):
            out._set_history(node, i)
    return outs
