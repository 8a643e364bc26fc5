"""An op's operands: tensors or Python numbers, PyTorch's argument checks, the result dtype of
two operands (type promotion) and the numpy operand in that dtype."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine import dtypes
from engine.dtypes import SCALAR_TYPES, Number

if TYPE_CHECKING:
    from engine.tensor import Tensor


def is_scalar(value: object) -> bool:
    return isinstance(value, SCALAR_TYPES)


def check_operand(value: object, op: str, first: Tensor) -> None:
    """TypeError for an operand that is neither a tensor nor a Python number."""
    if not is_scalar(value) and not hasattr(value, "_data"):
        raise TypeError(
            f"unsupported operand type(s) for {op}: '{type(first).__name__}' and "
            f"'{type(value).__name__}'"
        )


def expect_tensor(op: str, value: object, position: int = 1, arg: str = "input") -> None:
    """TypeError, in PyTorch's words, when a `torch.<op>(...)` argument is not a tensor."""
    if not hasattr(value, "_data"):
        raise TypeError(
            f"{op}(): argument '{arg}' (position {position}) must be Tensor, not "
            f"{type(value).__name__}"
        )


def binary_dtype(a: Tensor, b: Tensor | Number) -> dtypes.dtype:
    """PyTorch's result dtype for `a op b` (a Python number never widens a float tensor)."""
    if isinstance(b, SCALAR_TYPES):
        sd = dtypes.scalar_dtype(b)
        if sd.category > a._dtype.category:
            return dtypes.int64 if sd.category == 1 else dtypes.get_default_dtype()
        return a._dtype
    if a._dtype is b._dtype:
        return a._dtype
    tensors = tuple(t._dtype for t in (a, b) if t._data.ndim > 0)
    zero_dim = tuple(t._dtype for t in (a, b) if t._data.ndim == 0)
    return dtypes.result_type(tensors, zero_dim, ())


def operand_data(value: Tensor | Number, dt: dtypes.dtype) -> Any:
    """The numpy operand for `value`, cast to the computation dtype when needed."""
    if isinstance(value, SCALAR_TYPES):
        return value
    data = value._data
    return data if data.dtype == dt.np else data.astype(dt.np)
