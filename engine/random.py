"""`torch.random`: generators and seeding (`Generator`, `manual_seed`, `seed`, `initial_seed`,
`get_rng_state`, `set_rng_state`, `fork_rng`), and the random tensor factories `rand`, `randn`,
`randint`, `randperm`, `normal`, `bernoulli`, `multinomial` and the `*_like` forms.

Values match PyTorch 2.13 on x86 CPUs bit for bit for a given seed (see engine.distributions for
how each is drawn); the default generator's state belongs to the running context.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from engine import distributions, dtypes
from engine import generator as mt19937
from engine.bernoulli import bernoulli
from engine.creation import parse_size
from engine.generator import DEFAULT_SEED, GeneratorState, RandomStream
from engine.multinomial import multinomial
from engine.ops.graph import broadcast_shape, needs_grad, record
from engine.size import Size
from engine.tensor import Tensor

__all__ = [
    "DEFAULT_SEED",
    "Generator",
    "bernoulli",
    "default_generator",
    "fork_rng",
    "get_rng_state",
    "initial_seed",
    "manual_seed",
    "multinomial",
    "normal",
    "rand",
    "rand_like",
    "randint",
    "randint_like",
    "randn",
    "randn_like",
    "randperm",
    "seed",
    "set_rng_state",
]

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


# --- generators and seeding --------------------------------------------------------------------


class Generator(RandomStream):
    """`torch.Generator`: a CPU random stream, seeded with 67280421310721 until told otherwise."""

    def __init__(self, device: Any = "cpu") -> None:
        super().__init__()
        # None: the state lives on this object; the default generator uses the context's stream
        self._stream: RandomStream | None = None

    @classmethod
    def _for_context(cls) -> Generator:
        generator = cls()
        generator._stream = mt19937.default_stream
        return generator

    def get_current(self) -> GeneratorState:
        if self._stream is None:
            return super().get_current()
        return self._stream.get_current()

    def set_current(self, state: GeneratorState) -> None:
        if self._stream is None:
            super().set_current(state)
        else:
            self._stream.set_current(state)

    def __repr__(self) -> str:
        return f"<torch._C.Generator object at {id(self):#x}>"

    @property
    def device(self) -> str:
        return "cpu"

    def manual_seed(self, seed: Any) -> Generator:
        self.set_current(GeneratorState.seeded(mt19937.unpack_seed(seed)))
        return self

    def seed(self) -> int:
        """Reseed with a non-deterministic 64-bit number and return it."""
        value = mt19937.new_seed()
        self.set_current(GeneratorState.seeded(value))
        return value

    def initial_seed(self) -> int:
        return self.get_current().seed

    def get_state(self) -> Tensor:
        """The state as PyTorch's 5056-byte `torch.ByteTensor` (same bytes as PyTorch's)."""
        raw = np.frombuffer(mt19937.state_to_bytes(self.get_current()), dtype=np.uint8)
        return Tensor._make(raw.copy(), dtypes.uint8)

    def set_state(self, new_state: Tensor) -> Generator:
        if not isinstance(new_state, Tensor) or new_state.dtype is not dtypes.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        self.set_current(mt19937.state_from_bytes(new_state._data.tobytes()))
        return self


# `type(g)` prints as in PyTorch: <class 'torch._C.Generator'>
Generator.__module__ = "torch._C"

# `torch.default_generator`: one object whose state belongs to the running context
default_generator: Generator = Generator._for_context()


def manual_seed(seed: Any) -> Generator:
    """Seed the default generator (of this context) and return it."""
    return default_generator.manual_seed(int(seed))


def seed() -> int:
    """Seed the default generator with a non-deterministic 64-bit number and return it."""
    return default_generator.seed()


def initial_seed() -> int:
    """The seed the default generator started from (67280421310721 before any seeding)."""
    return default_generator.initial_seed()


def get_rng_state() -> Tensor:
    """The default generator's state, as a `torch.ByteTensor`."""
    return default_generator.get_state()


def set_rng_state(new_state: Tensor) -> None:
    """Restore the default generator's state from `get_rng_state()`."""
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(
    devices: Any = None,
    enabled: bool = True,
    _caller: str = "fork_rng",
    _devices_kw: str = "devices",
    device_type: str = "cuda",
) -> Iterator[None]:
    """`with torch.random.fork_rng():` draws inside the block leave the default generator as
    it was before the block."""
    if not enabled:
        yield
        return
    saved = default_generator.get_current()
    try:
        yield
    finally:
        default_generator.set_current(saved)


# --- factories ---------------------------------------------------------------------------------


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
    values = distributions.uniform(generator, math.prod(shape), dt)
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
    values = distributions.normal(generator, math.prod(shape), dt)
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
    values = distributions.normal(generator, math.prod(shape), dt, float(mean), float(std))
    _check_requires_grad(dt, requires_grad)
    return _result(values, shape, dt, requires_grad)


def _normal_per_element(
    mean: Tensor | float, std: Tensor | float, generator: Generator | None
) -> Tensor:
    """ATen's normal with tensor parameters: standard samples z (or std·z when std is a number),
    then in place `z.mul_(std).add_(mean)`: two roundings, not one fused multiply-add."""
    node: distributions.NormalParametersBackward
    if isinstance(std, Tensor):
        if bool((std._data < 0).any()):
            raise RuntimeError("normal expects all elements of std >= 0.0")
        if isinstance(mean, Tensor):
            shape = broadcast_shape(tuple(mean._data.shape), tuple(std._data.shape))
            dt, node = mean._dtype, distributions.NormalBackward3()
        else:
            shape, dt, node = tuple(std._data.shape), std._dtype, distributions.NormalBackward2()
        z = distributions.normal(generator, math.prod(shape), dt).reshape(shape)
        data = _in_place(np.multiply, z, std._data)
    else:
        assert isinstance(mean, Tensor)
        shape, dt, node = tuple(mean._data.shape), mean._dtype, distributions.NormalBackward1()
        data = distributions.normal(generator, math.prod(shape), dt, 0.0, float(std))
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
    values = distributions.random_from_to(generator, math.prod(shape), low, high, dt)
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
    values = distributions.randperm(generator, n)
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
