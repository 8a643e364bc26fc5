"""Creating tensors: `tensor`, `zeros`, `ones`, `full`, `eye`, `arange`, `linspace`, …"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np

from engine import dtypes
from engine.cpu import range_factory
from engine.size import Size
from engine.tensor import Tensor

Number = bool | int | float

_COPY_CONSTRUCT_WARNING = (
    "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
    "sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor)."
)


def _finish(data: np.ndarray, dt: dtypes.dtype, requires_grad: bool) -> Tensor:
    t = Tensor._make(data, dt)
    if requires_grad:
        t._set_requires_grad(True, "Only Tensors of floating point and complex dtype")
    return t


def _infer(data: Any) -> tuple[list[Any] | Number, dtypes.dtype, tuple[int, ...]]:
    """Flatten nested sequences of numbers (or 0-d tensors) → (flat values, dtype, shape).

    Iterative, so deeply nested input cannot exhaust the stack; ragged input raises PyTorch's
    ValueError.
    """
    if isinstance(data, bool | int | float):
        return data, dtypes.scalar_dtype(data), ()
    shape: list[int] = []
    level: list[Any] = [data]
    depth = 0
    kinds: set[int] = set()
    while True:
        if all(isinstance(x, list | tuple) for x in level):
            lengths = {len(x) for x in level}
            length = len(level[0]) if level else 0
            if len(lengths) > 1:
                bad = next(len(x) for x in level if len(x) != length)
                raise ValueError(f"expected sequence of length {length} at dim {depth} (got {bad})")
            shape.append(length)
            level = [y for x in level for y in x]
            depth += 1
            if length == 0:
                break
            continue
        if any(isinstance(x, list | tuple) for x in level):
            raise ValueError(f"expected sequence of length 0 at dim {depth} (got 1)")
        break
    flat: list[Any] = []
    for x in level:
        if isinstance(x, Tensor):
            if x._data.size != 1 or x._data.ndim != 0:
                raise ValueError("only one element tensors can be converted to Python scalars")
            kinds.add(x._dtype.category)
            flat.append(x.item())
        elif isinstance(x, bool | int | float):
            kinds.add(dtypes.scalar_dtype(x).category)
            flat.append(x)
        else:
            raise TypeError(f"new(): invalid data type '{type(x).__name__}'")
    if not flat:
        dt = dtypes.get_default_dtype()
    else:
        category = max(kinds)
        dt = (dtypes.bool_, dtypes.int64, dtypes.get_default_dtype())[category]
    return flat, dt, tuple(shape)


def tensor(
    data: Any,
    dtype: dtypes.dtype | None = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """A new leaf tensor holding a copy of `data` (floats → float32, ints → int64, bools → bool)."""
    if isinstance(data, Tensor):
        warnings.warn(_COPY_CONSTRUCT_WARNING, UserWarning, stacklevel=2)
        dt = dtype or data._dtype
        return _finish(data._data.astype(dt.np, copy=True), dt, requires_grad)
    flat, inferred, shape = _infer(data)
    dt = dtype or inferred
    if isinstance(flat, list):
        array = np.array(flat, dtype=dt.np).reshape(shape)
    else:
        array = np.array(flat, dtype=dt.np)
    return _finish(array, dt, requires_grad)


def parse_size(size: tuple[Any, ...]) -> tuple[int, ...]:
    """`zeros(2, 3)`, `zeros((2, 3))`, `zeros([2, 3])`, `zeros(torch.Size([2, 3]))`."""
    if len(size) == 1 and isinstance(size[0], list | tuple | Size):
        size = tuple(size[0])
    dims: list[int] = []
    for d in size:
        if isinstance(d, bool) or not isinstance(d, int):
            raise TypeError(
                "zeros(): argument 'size' (position 1) must be tuple of ints, but found element "
                f"of type {type(d).__name__} at pos {len(dims)}"
            )
        if d < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {d}: {list(size)}")
        dims.append(d)
    return tuple(dims)


def _filled(
    size: tuple[Any, ...], value: Number, dtype: dtypes.dtype | None, requires_grad: bool
) -> Tensor:
    dt = dtype or dtypes.get_default_dtype()
    return _finish(np.full(parse_size(size), value, dtype=dt.np), dt, requires_grad)


def zeros(
    *size: Any, dtype: dtypes.dtype | None = None, requires_grad: bool = False, device: Any = None
) -> Tensor:
    return _filled(size, 0, dtype, requires_grad)


def ones(
    *size: Any, dtype: dtypes.dtype | None = None, requires_grad: bool = False, device: Any = None
) -> Tensor:
    return _filled(size, 1, dtype, requires_grad)


def empty(
    *size: Any, dtype: dtypes.dtype | None = None, requires_grad: bool = False, device: Any = None
) -> Tensor:
    """Uninitialised in PyTorch; zero-filled here so every run is reproducible."""
    return _filled(size, 0, dtype, requires_grad)


def full(
    size: Any,
    fill_value: Number,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
) -> Tensor:
    dt = dtype or dtypes.scalar_dtype(fill_value)
    return _finish(np.full(parse_size((size,)), fill_value, dtype=dt.np), dt, requires_grad)


def zeros_like(t: Tensor, dtype: dtypes.dtype | None = None, requires_grad: bool = False) -> Tensor:
    return _filled(tuple(t._data.shape), 0, dtype or t._dtype, requires_grad)


def ones_like(t: Tensor, dtype: dtypes.dtype | None = None, requires_grad: bool = False) -> Tensor:
    return _filled(tuple(t._data.shape), 1, dtype or t._dtype, requires_grad)


def empty_like(t: Tensor, dtype: dtypes.dtype | None = None, requires_grad: bool = False) -> Tensor:
    return _filled(tuple(t._data.shape), 0, dtype or t._dtype, requires_grad)


def full_like(
    t: Tensor, fill_value: Number, dtype: dtypes.dtype | None = None, requires_grad: bool = False
) -> Tensor:
    return _filled(tuple(t._data.shape), fill_value, dtype or t._dtype, requires_grad)


def eye(
    n: int, m: int | None = None, dtype: dtypes.dtype | None = None, requires_grad: bool = False
) -> Tensor:
    dt = dtype or dtypes.get_default_dtype()
    return _finish(np.eye(n, n if m is None else m, dtype=dt.np), dt, requires_grad)


def arange(
    start: Number,
    end: Number | None = None,
    step: Number = 1,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
) -> Tensor:
    if end is None:
        start, end = 0, start
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) / step < 0:
        raise RuntimeError("upper bound and larger bound inconsistent with step sign")
    is_float = any(isinstance(v, float) for v in (start, end, step))
    dt = dtype or (dtypes.get_default_dtype() if is_float else dtypes.int64)
    count = math.ceil((end - start) / step)
    if dt.is_floating_point and np.dtype(dt.np) in range_factory.LANES:
        return _finish(range_factory.arange(start, step, count, dt.np), dt, requires_grad)
    # PyTorch computes start + i * step in double before casting
    values = start + np.arange(count, dtype=np.float64) * step
    return _finish(values.astype(dt.np), dt, requires_grad)


def linspace(
    start: Number,
    end: Number,
    steps: int,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
) -> Tensor:
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    dt = dtype or dtypes.get_default_dtype()
    if dt.is_floating_point and np.dtype(dt.np) in range_factory.LANES:
        return _finish(range_factory.linspace(start, end, steps, dt.np), dt, requires_grad)
    if steps == 1:
        values = np.array([start], dtype=np.float64)
    else:
        # PyTorch fills the first half forwards from start and the second half back from end
        step = (end - start) / (steps - 1)
        i = np.arange(steps, dtype=np.float64)
        halfway = steps // 2
        values = np.where(i < halfway, start + step * i, end - step * (steps - i - 1))
    return _finish(values.astype(dt.np), dt, requires_grad)


class _LegacyTensorType(type):
    """`torch.FloatTensor` and friends: constructors, and `isinstance` checks by dtype."""

    legacy_dtype: dtypes.dtype

    def __call__(cls, *args: Any) -> Tensor:
        return Tensor(*args, _legacy_dtype=cls.legacy_dtype)

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, Tensor) and obj._dtype is cls.legacy_dtype

    def __repr__(cls) -> str:
        return f"<class 'torch.{cls.__name__}'>"


def _legacy(d: dtypes.dtype) -> _LegacyTensorType:
    return _LegacyTensorType(d.legacy_type_name, (), {"legacy_dtype": d})


FloatTensor = _legacy(dtypes.float32)
DoubleTensor = _legacy(dtypes.float64)
LongTensor = _legacy(dtypes.int64)
IntTensor = _legacy(dtypes.int32)
BoolTensor = _legacy(dtypes.bool_)
ByteTensor = _legacy(dtypes.uint8)
