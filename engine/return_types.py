"""`torch.return_types`: the named tuples `max(dim)`/`min(dim)` return (`values`, `indices`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.tensor import Tensor


class _ValuesIndices(tuple[Any, ...]):
    """A `(values, indices)` pair that prints as PyTorch's structseq does."""

    __slots__ = ()

    def __new__(cls, values: Tensor, indices: Tensor) -> _ValuesIndices:
        return super().__new__(cls, (values, indices))

    @property
    def values(self) -> Tensor:
        value: Tensor = self[0]
        return value

    @property
    def indices(self) -> Tensor:
        value: Tensor = self[1]
        return value

    def __repr__(self) -> str:
        return (
            f"torch.return_types.{type(self).__name__}(\nvalues={self[0]!r},\nindices={self[1]!r})"
        )

    __str__ = __repr__


class max(_ValuesIndices):
    """What `Tensor.max(dim)` returns."""

    __slots__ = ()


class min(_ValuesIndices):
    """What `Tensor.min(dim)` returns."""

    __slots__ = ()


for _cls in (max, min):
    _cls.__module__ = "torch.return_types"

__all__ = ["max", "min"]
