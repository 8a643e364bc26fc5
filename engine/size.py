"""`torch.Size` (a shape that prints like PyTorch's) and dimension arguments (`wrap_dim`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import SupportsIndex, overload


class Size(tuple[int, ...]):
    """The shape of a tensor: `torch.Size([2, 3])`. Behaves as a tuple of ints."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    __str__ = __repr__

    def numel(self) -> int:
        n = 1
        for d in self:
            n *= d
        return n

    @overload
    def __getitem__(self, index: SupportsIndex) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Size: ...
    def __getitem__(self, index: SupportsIndex | slice) -> int | Size:
        if isinstance(index, slice):
            return Size(tuple.__getitem__(self, index))
        return tuple.__getitem__(self, index)


Size.__module__ = "torch"


def wrap_dim(dim: int, ndim: int) -> int:
    """A dimension index, negative counting from the end, checked as PyTorch does."""
    low, high = (-ndim, ndim - 1) if ndim > 0 else (-1, 0)
    if not low <= dim <= high:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{low}, {high}], but got {dim})"
        )
    return dim + ndim if dim < 0 else dim


def format_dims(size: Sequence[int]) -> str:
    """Sizes as PyTorch's messages write them: `[2, 3]`."""
    return "[" + ", ".join(str(d) for d in size) + "]"
