"""`torch.Size`: a tensor's shape, a tuple that prints like PyTorch's."""

from __future__ import annotations

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
