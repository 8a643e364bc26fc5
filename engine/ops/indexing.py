"""Indexing: `x[i]`, `x[a:b]`, `x[None]`, `x[...]`, `x[mask]` and `x[index_tensor]`.

Integer and slice indices give views (SelectBackward0, SliceBackward0); index tensors and masks
give copies (IndexBackward0). Backward returns the gradient to the picked positions, zero
elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import attach
from engine.ops.view import as_view, unsqueeze
from engine.size import format_dims, wrap_dim

if TYPE_CHECKING:
    from engine.tensor import Tensor


class _Scatter(Node):
    """Picks elements of self: the gradient returns to the picked positions, zero elsewhere."""

    __slots__ = ("index", "self_sizes")
    index: Any
    self_sizes: tuple[int, ...]
    derivatives = (
        Derivative("self", "1 at the picked positions, 0 elsewhere", r"\mathbb{1}_{idx}", "…"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        if isinstance(grad, np.ndarray | np.generic):
            out = np.zeros(self.self_sizes, dtype=np.asarray(grad).dtype)
            if isinstance(self, IndexBackward0):
                np.add.at(out, self.index, grad)  # an index may repeat: accumulate
            else:
                # a view's positions are distinct: copied, as PyTorch does (a -0.0 stays -0.0)
                out[self.index] = grad
            return (out,)
        # create_graph: a one-hot matrix keeps the scatter differentiable
        positions = np.arange(int(np.prod(self.self_sizes))).reshape(self.self_sizes)
        picked = np.asarray(positions[self.index]).reshape(-1)
        onehot = np.zeros((picked.size, positions.size), dtype=grad._data.dtype)
        onehot[np.arange(picked.size), picked] = 1
        flat = grad.reshape((1, picked.size)) @ grad._make(onehot, grad.dtype)
        return (flat.reshape(self.self_sizes),)


class SelectBackward0(_Scatter):
    """result = self.select(dim, index) — `x[i]`."""

    __slots__ = ()


class SliceBackward0(_Scatter):
    """result = self[start:stop:step] along one dimension."""

    __slots__ = ()


class IndexBackward0(_Scatter):
    """result = self[indices] with integer or boolean index tensors (a copy, not a view)."""

    __slots__ = ()


def _int_index(value: int, size: int, dim: int) -> int:
    if not -size <= value < size:
        raise IndexError(f"index {value} is out of bounds for dimension {dim} with size {size}")
    return value + size if value < 0 else value


def select(tensor: Tensor, dim: int, index: int) -> Tensor:
    d = wrap_dim(dim, tensor._data.ndim)
    i = _int_index(index, tensor._data.shape[d], d)
    key: tuple[Any, ...] = (*((slice(None),) * d), i, Ellipsis)
    node = SelectBackward0()
    node.index = key
    node.self_sizes = tensor._data.shape
    return attach(node, as_view(tensor, tensor._data[key]), (tensor,))


def _slice(tensor: Tensor, dim: int, s: slice) -> Tensor:
    if s.step is not None and s.step <= 0:
        raise ValueError("step must be greater than zero")
    size = tensor._data.shape[dim]
    start, stop, step = s.indices(size)
    if start == 0 and stop == size and step == 1:
        return tensor
    key = (slice(None),) * dim + (slice(start, stop, step),)
    node = SliceBackward0()
    node.index = key
    node.self_sizes = tensor._data.shape
    return attach(node, as_view(tensor, tensor._data[key]), (tensor,))


def _advanced(value: Any) -> np.ndarray | None:
    """An index tensor or list as a numpy index array; None for a basic index."""
    if hasattr(value, "_data") and hasattr(value, "_dtype"):
        if value._dtype.is_floating_point:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return np.asarray(value._data)
    if isinstance(value, list):
        array = np.asarray(value)
        if array.dtype.kind not in "iub":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return array
    return None


def _bad_index(value: Any) -> IndexError:
    return IndexError(
        "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
        f"valid indices (got {type(value).__name__})"
    )


class AliasBackward0(Node):
    """result = self[...] — the same tensor under another name."""

    __slots__ = ()
    derivatives = (Derivative("self", "1", "1", "grad"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad,)


def _is_int_index(index: Any) -> bool:
    if isinstance(index, bool):
        return False
    if isinstance(index, int):
        return True
    return hasattr(index, "_dtype") and not index._dtype.is_floating_point and index._data.ndim == 0


def getitem(tensor: Tensor, index: Any) -> Tensor:
    """`tensor[index]`, applied the way PyTorch does: one select/slice/unsqueeze per index
    component, left to right, then one advanced-indexing step for index tensors and lists."""
    if index is Ellipsis:
        return attach(AliasBackward0(), as_view(tensor, tensor._data[...]), (tensor,))
    if isinstance(index, slice):
        # a lone slice is always recorded, even `x[:]`
        if index.step is not None and index.step <= 0:
            raise ValueError("step must be greater than zero")
        if tensor._data.ndim == 0:
            raise IndexError("slice() cannot be applied to a 0-dim tensor.")
        start, stop, step = index.indices(tensor._data.shape[0])
        node = SliceBackward0()
        node.index = (slice(start, stop, step),)
        node.self_sizes = tensor._data.shape
        return attach(node, as_view(tensor, tensor._data[node.index]), (tensor,))
    if tensor._data.ndim == 0 and not isinstance(index, tuple) and _is_int_index(index):
        raise IndexError(
            "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
            "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number"
        )
    items = index if isinstance(index, tuple) else (index,)
    specified = sum(1 for it in items if it is not None and it is not Ellipsis)
    if specified > tensor._data.ndim:
        raise IndexError(f"too many indices for tensor of dimension {tensor._data.ndim}")
    result = tensor
    dim = 0
    advanced: list[tuple[int, np.ndarray]] = []
    for it in items:
        if it is Ellipsis:
            dim += tensor._data.ndim - specified
        elif it is None:
            result = unsqueeze(result, dim)
            dim += 1
        elif isinstance(it, bool):
            result = unsqueeze(result, dim)
            advanced.append((dim, np.arange(1 if it else 0)))
            dim += 1
        elif isinstance(it, int):
            result = select(result, dim, it)
        elif isinstance(it, slice):
            result = _slice(result, dim, it)
            dim += 1
        elif (array := _advanced(it)) is not None:
            advanced.append((dim, array))
            dim += array.ndim if array.dtype == bool else 1
        elif hasattr(it, "__index__") and not isinstance(it, float):
            result = select(result, dim, it.__index__())
        else:
            raise _bad_index(it)
    if advanced:
        result = _take(result, advanced)
    if result is tensor:
        # x[:, :] and x[..., :] are aliases of the whole tensor
        return attach(AliasBackward0(), as_view(tensor, tensor._data[...]), (tensor,))
    return result


def _take(tensor: Tensor, advanced: list[tuple[int, np.ndarray]]) -> Tensor:
    key: list[Any] = [slice(None)] * tensor._data.ndim
    for dim, array in advanced:
        if array.dtype == bool:
            if array.shape != tensor._data.shape[dim : dim + array.ndim]:
                raise IndexError(
                    f"The shape of the mask {format_dims(array.shape)} at index {dim} does not "
                    "match the shape of the indexed tensor "
                    f"{format_dims(tensor._data.shape[dim:])} at index {dim}"
                )
            key[dim : dim + array.ndim] = [array]
        else:
            size = tensor._data.shape[dim]
            bad = array[(array >= size) | (array < -size)]
            if bad.size:
                raise IndexError(
                    f"index {int(bad.flat[0])} is out of bounds for dimension {dim} with size "
                    f"{size}"
                )
            key[dim] = array
    index = tuple(key)
    node = IndexBackward0()
    node.index = index
    node.self_sizes = tensor._data.shape
    return attach(node, tensor._make(tensor._data[index], tensor._dtype), (tensor,))


def numpy_index(tensor: Tensor, index: Any) -> Any:
    """The numpy index for `tensor[index] = value` (checked as PyTorch checks it)."""
    items = index if isinstance(index, tuple) else (index,)
    out: list[Any] = []
    dim = 0
    for it in items:
        if it is None or it is Ellipsis or isinstance(it, slice):
            if isinstance(it, slice) and it.step is not None and it.step <= 0:
                raise ValueError("step must be greater than zero")
            out.append(it)
            dim += 0 if it is None else 1
        elif isinstance(it, bool):
            out.append(it)
        elif isinstance(it, int):
            if dim < tensor._data.ndim:
                _int_index(it, tensor._data.shape[dim], dim)
            out.append(it)
            dim += 1
        elif (array := _advanced(it)) is not None:
            out.append(array)
            dim += 1
        else:
            raise _bad_index(it)
    return tuple(out)
