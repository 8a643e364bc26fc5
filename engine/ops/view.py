"""Views: view/reshape, flatten, squeeze/unsqueeze, the transposes and expand.

A view shares storage and the version counter with its input, so an in-place change through
either is seen by both (and by autograd's checks). The backward of a view only moves the
gradient: it is reshaped back, permuted back, or summed over the expanded dimensions.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import attach
from engine.ops.broadcast import sum_to
from engine.size import format_dims, wrap_dim

if TYPE_CHECKING:
    from engine.tensor import Tensor

# the local derivative of an op that only moves elements around
MOVE = Derivative("self", "1 (moved)", r"1", "grad reshaped back")


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


def as_view(base: Tensor, data: np.ndarray) -> Tensor:
    """A result that shares `base`'s storage and version counter."""
    result = base._make(data, base._dtype)
    result._version_box = base._version_box
    result._base = base._base if base._base is not None else base
    return result


# --- reshaping ---------------------------------------------------------------------------------


class _Reshape(Node):
    """A pure reshape: the gradient is reshaped back to the input's sizes."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (MOVE,)

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
            raise RuntimeError(f"shape '{format_dims(size)}' is invalid for input of size {numel}")
        size = tuple(numel // known if d == -1 else d for d in size)
    elif known != numel:
        raise RuntimeError(f"shape '{format_dims(size)}' is invalid for input of size {numel}")
    return size


def _reshape_node(node: _Reshape, t: Tensor, data: np.ndarray, view: bool) -> Tensor:
    node.self_sizes = t._data.shape
    result = as_view(t, data) if view else t._make(data, t._dtype)
    return attach(node, result, (t,))


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
    derivatives = (MOVE,)

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
    return attach(node, as_view(t, np.transpose(t._data, dims)), (t,))


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
            f"expand({tensor.type()}{{{format_dims(src)}}}, size={format_dims(size)}): the number "
            f"of sizes provided ({len(size)}) must be greater or equal to the number of "
            f"dimensions in the tensor ({len(src)})"
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
                f"non-singleton dimension {i}.  Target sizes: {format_dims(size)}.  Tensor sizes: "
                f"{format_dims(src)}"
            )
    node = ExpandBackward0()
    node.self_sizes = src
    data = np.broadcast_to(tensor._data, tuple(target))
    return attach(node, as_view(tensor, data), (tensor,))
