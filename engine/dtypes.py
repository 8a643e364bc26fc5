"""Tensor element types (`torch.float32` …) and PyTorch's type-promotion rules."""

from __future__ import annotations

from typing import Final

import numpy as np

# Python numbers as operands: PyTorch wraps them as 0-d tensors of their default dtype
Number = bool | int | float
SCALAR_TYPES: Final = (bool, int, float)


class dtype:
    """An element type: `torch.float32`, `torch.int64`, `torch.bool`, …"""

    __slots__ = (
        "_rank",
        "is_complex",
        "is_floating_point",
        "is_signed",
        "itemsize",
        "legacy_type_name",
        "name",
        "np",
    )

    def __init__(
        self, name: str, np_dtype: type[np.generic], *, category: int, legacy: str
    ) -> None:
        self.name = name
        self.np: np.dtype[np.generic] = np.dtype(np_dtype)
        self.is_floating_point = category == _FLOAT
        self.is_complex = False
        self.is_signed = name != "bool" and name != "uint8"
        self.itemsize = self.np.itemsize
        # (category, width): the order promotion walks
        self._rank = (category, self.itemsize)
        self.legacy_type_name = legacy

    def __repr__(self) -> str:
        return f"torch.{self.name}"

    __str__ = __repr__

    def __reduce__(self) -> str:
        return self.name

    @property
    def category(self) -> int:
        return self._rank[0]

    def to_real(self) -> dtype:
        return self

    def to_complex(self) -> dtype:
        raise RuntimeError(f"Complex dtypes are not supported; got {self}")


dtype.__module__ = "torch"

# dtype categories, in promotion order
_BOOL: Final = 0
_INT: Final = 1
_FLOAT: Final = 2

bool_ = dtype("bool", np.bool_, category=_BOOL, legacy="BoolTensor")
uint8 = dtype("uint8", np.uint8, category=_INT, legacy="ByteTensor")
int8 = dtype("int8", np.int8, category=_INT, legacy="CharTensor")
int16 = dtype("int16", np.int16, category=_INT, legacy="ShortTensor")
int32 = dtype("int32", np.int32, category=_INT, legacy="IntTensor")
int64 = dtype("int64", np.int64, category=_INT, legacy="LongTensor")
float16 = dtype("float16", np.float16, category=_FLOAT, legacy="HalfTensor")
float32 = dtype("float32", np.float32, category=_FLOAT, legacy="FloatTensor")
float64 = dtype("float64", np.float64, category=_FLOAT, legacy="DoubleTensor")

ALL_DTYPES: Final = (bool_, uint8, int8, int16, int32, int64, float16, float32, float64)
_BY_NP: Final = {d.np: d for d in ALL_DTYPES}


def from_numpy_dtype(np_dtype: np.dtype[np.generic]) -> dtype:
    """The engine dtype for a numpy dtype (float32 arrays → torch.float32)."""
    try:
        return _BY_NP[np_dtype]
    except KeyError:
        raise TypeError(f"can't convert np.ndarray of type {np_dtype}.") from None


_default_float: dtype = float32


def get_default_dtype() -> dtype:
    return _default_float


def scalar_type_name(dt: dtype) -> str:
    """PyTorch's ScalarType name in messages: Float, Double, Long, Bool, …"""
    return dt.legacy_type_name.removesuffix("Tensor")


def promote_types(a: dtype, b: dtype) -> dtype:
    """torch.promote_types: the smallest dtype both `a` and `b` convert to without losing kind."""
    if a is b:
        return a
    if a.category != b.category:
        return a if a.category > b.category else b
    if a.category == _INT and (a is uint8) != (b is uint8):
        # uint8 with a signed type needs the next signed width up (int8 + uint8 -> int16)
        other = b if a is uint8 else a
        return int16 if other is int8 else other
    return a if a.itemsize >= b.itemsize else b


def scalar_dtype(value: bool | int | float) -> dtype:
    """The dtype PyTorch gives a Python number: bool → bool, int → int64, float → default."""
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int64
    return _default_float


def result_type(
    tensors: tuple[dtype, ...], zero_dim: tuple[dtype, ...], scalars: tuple[dtype, ...]
) -> dtype:
    """torch.result_type over operands split into PyTorch's three priority tiers.

    Dimensioned tensors decide the dtype; 0-dim tensors only when they are of a higher category
    (bool < integer < floating); Python scalars likewise, and then they contribute the default
    dtype of their category rather than their own width (a float32 tensor times 2.5 stays float32;
    an int64 tensor times 2.5 becomes float32).
    """
    result: dtype | None = None
    for tier in (tensors, zero_dim, scalars):
        if not tier:
            continue
        tier_type = tier[0]
        for d in tier[1:]:
            tier_type = promote_types(tier_type, d)
        if tier is scalars and tier_type.category == _FLOAT:
            tier_type = _default_float
        if result is None:
            result = tier_type
        elif tier_type.category > result.category:
            result = tier_type if tier is not scalars else _category_default(tier_type.category)
    assert result is not None, "result_type needs at least one operand"
    return result


def _category_default(category: int) -> dtype:
    return {_BOOL: bool_, _INT: int64, _FLOAT: _default_float}[category]
