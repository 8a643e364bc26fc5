"""The random tensor factories: `rand`, `randn`, `randint`, `randperm`, `normal` and the
`*_like` forms.

Values match PyTorch 2.13 on x86 CPUs bit for bit for a given seed (see
engine.sampling.distribution for how each is drawn).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine import dtypes
from engine.autograd.record import needs_grad, record
from engine.creation import parse_size
from engine.ops.broadcast import broadcast_shape
from engine.sampling import distribution
from engine.sampling.generator import Generator
from engine.size import Size
from engine.tensor import Tensor

_RANDINT_SIGNATURES = (
    " * (int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, "
    "torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, "
    "bool pin_memory = False, bool requires_grad = False)\n"
    " * (int high, tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, "
    "torch.layout layout = None, torch.device device = None, bool pin_memory = False, "
    "bool requires_grad = False)\n"
    " * (int low, int high, tuple of ints size, *, torch.Generator generator, Tensor out = "
    "None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, "
    "bool pin_memory = False, bool requires_grad = False)\n"
    " * (int low, int high, tuple of ints size, *, Tensor out = None, torch.dtype dtype = "
    "None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, "
    "bool requires_grad = False)\n"
)


def _result(
    values: np.ndarray, shape: tuple[int, ...], dt: dtypes.dtype, requires_grad: bool
) -> Tensor:
    t = Tensor._make(values.astype(dt.np, copy=False).reshape(shape), dt)
    if requires_grad:
        t.requires_grad_(True)
    return t


def _check_requires_grad(dt: dtypes.dtype, requires_grad: bool) -> None:
    if requires_grad and not dt.is_floating_point:
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")


_SIZE_SIGNATURES = (
    " * (tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype "
    "= None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, "
    "bool requires_grad = False)\n"
    " * (tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout "
    "= None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n"
)


def _factory_size(name: str, dims: tuple[Any, ...], size: Any) -> tuple[int, ...]:
    """The shape from `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(size=(2, 3))`, with PyTorch's
    argument errors."""
    if (size is None) == (not dims):
        got = [type(d).__name__ for d in dims] + (
            [] if size is None else [f"size={type(size).__name__}"]
        )
        raise TypeError(
            f"{name}() received an invalid combination of arguments - got ({', '.join(got)}), "
            f"but expected one of:\n{_SIZE_SIGNATURES}"
        )
    if size is not None:
        dims = (size,)
    if len(dims) == 1 and isinstance(dims[0], list | tuple | Size):
        dims = tuple(dims[0])
    elif len(dims) == 1 and (isinstance(dims[0], bool) or not isinstance(dims[0], int)):
        raise TypeError(
            f"{name}(): argument 'size' (position 1) must be tuple of ints, not "
            f"{type(dims[0]).__name__}"
        )
    for pos, d in enumerate(dims):
        if isinstance(d, bool) or not isinstance(d, int):
            raise TypeError(
                f"{name}(): argument 'size' failed to unpack the object at pos {pos + 1} with "
                f'error "type must be tuple of ints,but got {type(d).__name__}"'
            )
    return parse_size(dims)


def rand(
    *dims: Any,
    size: Any = None,
    generator: Generator | None = None,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
) -> Tensor:
    """Samples of U[0, 1): `torch.rand(2, 3)`, `torch.rand((2, 3))`, `torch.rand(size=(2, 3))`."""
    shape = _factory_size("rand", dims, size)
    dt = dtype or dtypes.get_default_dtype()
    values = distribution.uniform(generator, math.prod(shape), dt)
    _check_requires_grad(dt, requires_grad)
    return _result(values, shape, dt, requires_grad)


def randn(
    *dims: Any,
    size: Any = None,
    generator: Generator | None = None,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
) -> Tensor:
    """Samples of N(0, 1): `torch.randn(2, 3)`, `torch.randn((2, 3))`, `torch.randn(size=…)`."""
    shape = _factory_size("randn", dims, size)
    dt = dtype or dtypes.get_default_dtype()
    values = distribution.normal(generator, math.prod(shape), dt)
    _check_requires_grad(dt, requires_grad)
    return _result(values, shape, dt, requires_grad)


def normal(
    mean: Tensor | float,
    std: Tensor | float = 1.0,
    size: Any = None,
    *,
    generator: Generator | None = None,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
) -> Tensor:
    """Samples of N(mean, std²): `torch.normal(0.0, 2.0, (3,))`, or one sample per element of
    tensor `mean` and/or `std` (broadcast together): `torch.normal(torch.zeros(3), 1.0)`."""
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        return _normal_per_element(mean, std, generator)
    for name, value in (("mean", mean), ("std", std)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(
                f"normal(): argument '{name}' must be float, not {type(value).__name__}"
            )
    if size is None:
        raise TypeError("normal(): a size is needed when mean and std are numbers")
    shape = parse_size((size,))
    dt = dtype or dtypes.get_default_dtype()
    values = distribution.normal(generator, math.prod(shape), dt, float(mean), float(std))
    _check_requires_grad(dt, requires_grad)
    return _result(values, shape, dt, requires_grad)


def _normal_per_element(
    mean: Tensor | float, std: Tensor | float, generator: Generator | None
) -> Tensor:
    """ATen's normal with tensor parameters: standard samples z (or std·z when std is a number),
    then in place `z.mul_(std).add_(mean)`: two roundings, not one fused multiply-add."""
    node: distribution.NormalParametersBackward
    if isinstance(std, Tensor):
        if bool((std._data < 0).any()):
            raise RuntimeError("normal expects all elements of std >= 0.0")
        if isinstance(mean, Tensor):
            shape = broadcast_shape(tuple(mean._data.shape), tuple(std._data.shape))
            dt, node = mean._dtype, distribution.NormalBackward3()
        else:
            shape, dt, node = tuple(std._data.shape), std._dtype, distribution.NormalBackward2()
        z = distribution.normal(generator, math.prod(shape), dt).reshape(shape)
        data = _in_place(np.multiply, z, std._data)
    else:
        assert isinstance(mean, Tensor)
        shape, dt, node = tuple(mean._data.shape), mean._dtype, distribution.NormalBackward1()
        data = distribution.normal(generator, math.prod(shape), dt, 0.0, float(std))
        data = data.reshape(shape)
    data = _in_place(np.add, data, mean._data if isinstance(mean, Tensor) else mean)
    result = Tensor._make(data, dt)
    inputs = tuple(p for p in (mean, std) if isinstance(p, Tensor))
    if needs_grad(*inputs):
        node.shapes = tuple(tuple(p._data.shape) for p in inputs)
        record(node, result, inputs)
    return result


def _in_place(ufunc: Any, out: np.ndarray, other: np.ndarray | float) -> np.ndarray:
    """`out.op_(other)`: computed in the wider of the two dtypes, stored back in out's dtype."""
    if isinstance(other, float | int):
        other = np.asarray(other, dtype=out.dtype)
    common = np.result_type(out.dtype, other.dtype) if other.ndim else out.dtype
    result: np.ndarray = ufunc(out, other, dtype=common).astype(out.dtype)
    return result


def _randint_bounds(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[int, int, Any]:
    """(low, high, size) from `randint(high, size)` / `randint(low, high, size)` / keywords."""
    given = list(args)
    size = kwargs.pop("size") if "size" in kwargs else (given.pop() if given else None)
    if "high" in kwargs:
        given.append(kwargs.pop("high"))
    if "low" in kwargs:
        given.insert(0, kwargs.pop("low"))
    bounds_ok = len(given) in (1, 2) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in given
    )
    if kwargs or not bounds_ok or not isinstance(size, tuple | list | Size):
        got = ", ".join(type(v).__name__ for v in args)
        raise TypeError(
            "randint() received an invalid combination of arguments - got "
            f"({got}), but expected one of:\n{_RANDINT_SIGNATURES}"
        )
    low, high = (0, given[0]) if len(given) == 1 else (given[0], given[1])
    return low, high, size


def randint(
    *args: Any,
    generator: Generator | None = None,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
    **bounds: Any,
) -> Tensor:
    """Integers uniform in [low, high): `torch.randint(10, (3,))`, `torch.randint(3, 10, (3,))`."""
    low, high, size = _randint_bounds(args, bounds)
    shape = parse_size((size,))
    dt = dtype or dtypes.int64
    values = distribution.random_from_to(generator, math.prod(shape), low, high, dt)
    # PyTorch samples before it refuses requires_grad, so the stream moves on regardless
    _check_requires_grad(dt, requires_grad)
    return _result(values, shape, dt, requires_grad)


def randperm(
    n: int,
    *,
    generator: Generator | None = None,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
    device: Any = None,
) -> Tensor:
    """A random permutation of 0, 1, …, n-1."""
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    dt = dtype or dtypes.int64
    values = distribution.randperm(generator, n)
    _check_requires_grad(dt, requires_grad)
    return _result(values, (n,), dt, requires_grad)


def rand_like(
    input: Tensor, *, dtype: dtypes.dtype | None = None, requires_grad: bool = False
) -> Tensor:
    return rand(input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(
    input: Tensor, *, dtype: dtypes.dtype | None = None, requires_grad: bool = False
) -> Tensor:
    return randn(input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randint_like(
    input: Tensor,
    low: int,
    high: int | None = None,
    *,
    dtype: dtypes.dtype | None = None,
    requires_grad: bool = False,
) -> Tensor:
    """`randint_like(x, high)` or `randint_like(x, low, high)`, in x's dtype."""
    if high is None:
        low, high = 0, low
    return randint(low, high, input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)
