"""How an op's result joins the graph: operands, dtype promotion, recording, broadcasting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Grad, Node
from engine.autograd.grad_mode import _grad_enabled

if TYPE_CHECKING:
    from engine.tensor import Tensor

Number = bool | int | float
SCALAR_TYPES = (bool, int, float)


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


def scalar_type_name(dt: dtypes.dtype) -> str:
    """PyTorch's ScalarType name in messages: Float, Double, Long, Bool, …"""
    return dt.legacy_type_name.removesuffix("Tensor")


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


def needs_grad(*inputs: Tensor | Number | None) -> bool:
    """True when grad mode is on and some tensor input requires grad."""
    if not _grad_enabled.get():
        return False
    for t in inputs:
        if t is not None and not isinstance(t, SCALAR_TYPES) and t._requires_grad:
            return True
    return False


def record(node: Node, result: Tensor, inputs: tuple[Tensor | Number | None, ...]) -> Tensor:
    """Make `node` the result's grad_fn, with one edge per input (`(None, 0)` for constants)."""
    node.next_functions = tuple(
        (None, 0) if t is None or isinstance(t, SCALAR_TYPES) else t._edge() for t in inputs
    )
    result._set_history(node)
    return result


def broadcast_error(a: tuple[int, ...], b: tuple[int, ...]) -> RuntimeError:
    """PyTorch's message for shapes that do not broadcast."""
    for i in range(1, max(len(a), len(b)) + 1):
        da = a[-i] if i <= len(a) else 1
        db = b[-i] if i <= len(b) else 1
        if da != db and da != 1 and db != 1:
            dim = max(len(a), len(b)) - i
            return RuntimeError(
                f"The size of tensor a ({da}) must match the size of tensor b ({db}) at "
                f"non-singleton dimension {dim}"
            )
    return RuntimeError(f"shapes {list(a)} and {list(b)} cannot be broadcast")


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The broadcast shape of `a` and `b`, or PyTorch's error."""
    n = max(len(a), len(b))
    out: list[int] = []
    for i in range(n - 1, -1, -1):
        da = a[len(a) - 1 - i] if i < len(a) else 1
        db = b[len(b) - 1 - i] if i < len(b) else 1
        if da != db and da != 1 and db != 1:
            raise broadcast_error(a, b)
        out.append(da if db == 1 else db)
    return tuple(out)


def sum_to(grad: Grad, shape: tuple[int, ...]) -> Grad:
    """Undo broadcasting in backward: sum `grad` over the dimensions that were expanded.

    Works on numpy arrays and, under create_graph, on Tensors (through differentiable ops).
    """
    gshape = tuple(grad.shape)
    if gshape == shape:
        return grad
    lead = len(gshape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, d in enumerate(shape) if d == 1 and gshape[lead + i] != 1
    )
    if isinstance(grad, np.ndarray | np.generic):
        return np.asarray(grad.sum(axis=axes, keepdims=True)).reshape(shape)
    return grad.sum(dim=axes, keepdim=True).reshape(shape)
