"""Shape and indexing: view/reshape, squeeze, transposes, expand/repeat, indexing, cat/stack.

Most of these return views: the result shares storage and the version counter with its
input, so an in-place change through either is seen by both (and by autograd's checks). Their
backward only moves gradients around: reshape it back, transpose it back, scatter it into
zeros, or sum it over repeated copies.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.ops.graph import needs_grad, record, sum_to

if TYPE_CHECKING:
    from engine.tensor import Tensor

_MOVE = Derivative("self", "1 (moved)", r"1", "grad reshaped back")


def wrap_dim(dim: int, ndim: int) -> int:
    """A dimension index, negative counting from the end, checked as PyTorch does."""
    low, high = (-ndim, ndim - 1) if ndim > 0 else (-1, 0)
    if not low <= dim <= high:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{low}, {high}], but got {dim})"
        )
    return dim + ndim if dim < 0 else dim


def parse_size(size: tuple[Any, ...]) -> tuple[int, ...]:
    """`view(2, 3)`, `view((2, 3))`, `view([2, 3])` and `view(torch.Size(...))` all mean (2, 3)."""
    if len(size) == 1 and isinstance(size[0], list | tuple):
        size = tuple(size[0])
    out: list[int] = []
    for d in size:
        if isinstance(d, bool) or not isinstance(d, int):
            d = d.__index__() if hasattr(d, "__index__") else d
        if not isinstance(d, int):
            raise TypeError(
                f"view(): argument 'size' must be tuple of ints, but found element of type "
                f"{type(d).__name__} at pos {len(out)}"
            )
        out.append(int(d))
    return tuple(out)


def _as_view(base: Tensor, data: np.ndarray) -> Tensor:
    """A result that shares `base`'s storage and version counter."""
    result = base._make(data, base._dtype)
    result._version_box = base._version_box
    result._base = base._base if base._base is not None else base
    return result


def _attach(node: Node, result: Tensor, inputs: tuple[Tensor, ...]) -> Tensor:
    if needs_grad(*inputs):
        record(node, result, inputs)
    return result


# --- reshaping ---------------------------------------------------------------------------------


class _Reshape(Node):
    """A pure reshape: the gradient is reshaped back to the input's sizes."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (_MOVE,)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad.reshape(self.self_sizes),)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()),)


class ViewBackward0(_Reshape):
    """result = self.view(size) — same elements, new shape."""

    __slots__ = ()


class UnsafeViewBackward0(_Reshape):
    """result = self.reshape(size) when self is not contiguous (a copy, then a view)."""

    __slots__ = ()


class SqueezeBackward0(_Reshape):
    """result = self.squeeze() — every size-1 dimension removed."""

    __slots__ = ()


class SqueezeBackward1(_Reshape):
    """result = self.squeeze(dim)."""

    __slots__ = ()


class UnsqueezeBackward0(_Reshape):
    """result = self.unsqueeze(dim)."""

    __slots__ = ()


def _infer_size(size: tuple[int, ...], numel: int) -> tuple[int, ...]:
    inferred = [i for i, d in enumerate(size) if d == -1]
    if len(inferred) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for d in size:
        if d != -1:
            if d < 0:
                raise RuntimeError(f"invalid shape dimension {d}")
            known *= d
    if inferred:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{_dims(size)}' is invalid for input of size {numel}")
        size = tuple(numel // known if d == -1 else d for d in size)
    elif known != numel:
        raise RuntimeError(f"shape '{_dims(size)}' is invalid for input of size {numel}")
    return size


def _dims(size: Sequence[int]) -> str:
    return "[" + ", ".join(str(d) for d in size) + "]"


def _reshape_node(node: _Reshape, t: Tensor, data: np.ndarray, view: bool) -> Tensor:
    node.self_sizes = t._data.shape
    result = _as_view(t, data) if view else t._make(data, t._dtype)
    return _attach(node, result, (t,))


def view(t: Tensor, size: tuple[int, ...]) -> Tensor:
    size = _infer_size(size, t._data.size)
    if not t._data.flags["C_CONTIGUOUS"] and t._data.size > 1:
        try:
            data = t._data.view()
            data.shape = size  # raises when a copy would be needed
        except AttributeError:
            raise RuntimeError(
                "view size is not compatible with input tensor's size and stride (at least one "
                "dimension spans across two contiguous subspaces). Use .reshape(...) instead."
            ) from None
        return _reshape_node(ViewBackward0(), t, data, view=True)
    return _reshape_node(ViewBackward0(), t, t._data.reshape(size), view=True)


def reshape(t: Tensor, size: tuple[int, ...]) -> Tensor:
    size = _infer_size(size, t._data.size)
    if t._data.flags["C_CONTIGUOUS"] or t._data.size <= 1:
        return _reshape_node(ViewBackward0(), t, t._data.reshape(size), view=True)
    copy = np.ascontiguousarray(t._data).reshape(size)
    return _reshape_node(UnsafeViewBackward0(), t, copy, view=False)


def flatten(t: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    if t._data.ndim == 0:
        return reshape(t, (1,))
    start = wrap_dim(start_dim, t._data.ndim)
    end = wrap_dim(end_dim, t._data.ndim)
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if start == end:
        return t
    s = t._data.shape
    middle = int(np.prod(s[start : end + 1]))
    return reshape(t, (*s[:start], middle, *s[end + 1 :]))


def squeeze(t: Tensor, dim: int | None = None) -> Tensor:
    if dim is None:
        data = t._data.reshape(tuple(d for d in t._data.shape if d != 1))
        return _reshape_node(SqueezeBackward0(), t, data, view=True)
    d = wrap_dim(dim, t._data.ndim)
    if t._data.ndim == 0 or t._data.shape[d] != 1:
        data = t._data.view()
    else:
        data = t._data.reshape(t._data.shape[:d] + t._data.shape[d + 1 :])
    return _reshape_node(SqueezeBackward1(), t, data, view=True)


def unsqueeze(t: Tensor, dim: int) -> Tensor:
    d = wrap_dim(dim, t._data.ndim + 1)
    data = np.expand_dims(t._data, d)
    return _reshape_node(UnsqueezeBackward0(), t, data, view=True)


# --- transposes --------------------------------------------------------------------------------


class _Permute(Node):
    """A reordering of dimensions: the gradient is permuted back."""

    __slots__ = ("dims",)
    dims: tuple[int, ...]
    derivatives = (_MOVE,)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        inverse = tuple(int(i) for i in np.argsort(self.dims))
        if isinstance(grad, np.ndarray | np.generic):
            return (np.transpose(grad, inverse),)
        return (grad.permute(inverse),)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()),)


class TBackward0(_Permute):
    """result = self.t() — a matrix transpose."""

    __slots__ = ()


class TransposeBackward0(_Permute):
    """result = self.transpose(dim0, dim1)."""

    __slots__ = ()


class PermuteBackward0(_Permute):
    """result = self.permute(dims)."""

    __slots__ = ()


def _permuted(node: _Permute, t: Tensor, dims: tuple[int, ...]) -> Tensor:
    node.dims = dims
    return _attach(node, _as_view(t, np.transpose(t._data, dims)), (t,))


def t(tensor: Tensor) -> Tensor:
    ndim = tensor._data.ndim
    if ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {ndim}D")
    dims = (1, 0) if ndim == 2 else tuple(range(ndim))
    return _permuted(TBackward0(), tensor, dims)


def T(tensor: Tensor) -> Tensor:
    ndim = tensor._data.ndim
    if ndim != 2:
        warnings.warn(
            "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
            "deprecated and it will throw an error in a future release. Consider `x.mT` to "
            "transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` "
            "to reverse the dimensions of a tensor. (Triggered internally at "
            "/__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4314.)",
            UserWarning,
            stacklevel=3,
        )
    return _permuted(PermuteBackward0(), tensor, tuple(range(ndim - 1, -1, -1)))


def transpose(tensor: Tensor, dim0: int, dim1: int) -> Tensor:
    ndim = tensor._data.ndim
    d0, d1 = wrap_dim(dim0, ndim), wrap_dim(dim1, ndim)
    dims = list(range(ndim))
    dims[d0], dims[d1] = dims[d1], dims[d0]
    return _permuted(TransposeBackward0(), tensor, tuple(dims))


def permute(tensor: Tensor, dims: tuple[int, ...]) -> Tensor:
    ndim = tensor._data.ndim
    if len(dims) != ndim:
        raise RuntimeError(
            "permute(sparse_coo): number of dimensions in the tensor input does not match the "
            f"length of the desired ordering of dimensions i.e. input.dim() = {ndim} is not "
            f"equal to len(dims) = {len(dims)}"
        )
    wrapped = tuple(wrap_dim(d, ndim) for d in dims)
    if len(set(wrapped)) != ndim:
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return _permuted(PermuteBackward0(), tensor, wrapped)


# --- expand / repeat ---------------------------------------------------------------------------


class ExpandBackward0(Node):
    """result = self.expand(size);  each input element feeds many outputs: their grads add up."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1 (broadcast)", "1", "grad.sum_to_size(self.sizes())"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (sum_to(grad, self.self_sizes),)


def expand(tensor: Tensor, size: tuple[int, ...]) -> Tensor:
    src = tensor._data.shape
    if len(size) < len(src):
        raise RuntimeError(
            f"expand({tensor.type()}{{{_dims(src)}}}, size={_dims(size)}): the number of sizes "
            f"provided ({len(size)}) must be greater or equal to the number of dimensions in "
            f"the tensor ({len(src)})"
        )
    lead = len(size) - len(src)
    target = list(size)
    for i, d in enumerate(size):
        have = src[i - lead] if i >= lead else 1
        if d == -1:
            if i < lead:
                raise RuntimeError(
                    f"The expanded size of the tensor (-1) isn't allowed in a leading, "
                    f"non-existing dimension {i}"
                )
            target[i] = have
        elif have != 1 and have != d:
            raise RuntimeError(
                f"The expanded size of the tensor ({d}) must match the existing size ({have}) at "
                f"non-singleton dimension {i}.  Target sizes: {_dims(size)}.  Tensor sizes: "
                f"{_dims(src)}"
            )
    node = ExpandBackward0()
    node.self_sizes = src
    data = np.broadcast_to(tensor._data, tuple(target))
    return _attach(node, _as_view(tensor, data), (tensor,))


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
    return _attach(node, tensor._make(data, tensor._dtype), (tensor,))


# --- indexing ----------------------------------------------------------------------------------


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
            np.add.at(out, self.index, grad)
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
    return _attach(node, _as_view(tensor, tensor._data[key]), (tensor,))


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
    return _attach(node, _as_view(tensor, tensor._data[key]), (tensor,))


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
        return _attach(AliasBackward0(), _as_view(tensor, tensor._data[...]), (tensor,))
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
        return _attach(node, _as_view(tensor, tensor._data[node.index]), (tensor,))
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
        return _attach(AliasBackward0(), _as_view(tensor, tensor._data[...]), (tensor,))
    return result


def _take(tensor: Tensor, advanced: list[tuple[int, np.ndarray]]) -> Tensor:
    key: list[Any] = [slice(None)] * tensor._data.ndim
    for dim, array in advanced:
        if array.dtype == bool:
            if array.shape != tensor._data.shape[dim : dim + array.ndim]:
                raise IndexError(
                    f"The shape of the mask {_dims(array.shape)} at index {dim} does not match "
                    f"the shape of the indexed tensor {_dims(tensor._data.shape[dim:])} at "
                    f"index {dim}"
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
    return _attach(node, tensor._make(tensor._data[index], tensor._dtype), (tensor,))


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
    derivatives = (_MOVE,)

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
    return _attach(node, tensors[0]._make(data, dt), tuple(tensors))


def stack(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    first = tensors[0]._data.shape
    for n, other in enumerate(tensors[1:], start=1):
        if other._data.shape != first:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {_dims(first)} at entry 0 "
                f"and {_dims(other._data.shape)} at entry {n}"
            )
    d = wrap_dim(dim, len(first) + 1)
    dt = _joined_dtype(tensors)
    data = np.stack([t._data.astype(dt.np, copy=False) for t in tensors], axis=d)
    node = StackBackward0()
    node.dim = d
    node.count = len(tensors)
    return _attach(node, tensors[0]._make(data, dt), tuple(tensors))


def unbind(tensor: Tensor, dim: int = 0) -> tuple[Tensor, ...]:
    d = wrap_dim(dim, tensor._data.ndim)
    count = tensor._data.shape[d]
    outs = tuple(
        _as_view(tensor, tensor._data[(slice(None),) * d + (i, Ellipsis)]) for i in range(count)
    )
    if needs_grad(tensor) and count:
        node = UnbindBackward0()
        node.dim = d
        node.self_sizes = tensor._data.shape
        node.next_functions = (tensor._edge(),)
        for i, out in enumerate(outs):
            out._set_history(node, i)
    return outs
