"""Sampling as PyTorch's CPU kernels do it: uniform, normal, integers in a range, permutations,
and the in-place `uniform_`/`normal_` tensor methods.

Each sampler draws words from a `Generator` (engine.sampling.mt19937) and transforms them exactly as
ATen does, so a seeded program prints the same numbers as real PyTorch:

- uniform float32: the low 24 bits of one word times 2**-24; float64: the low 53 bits of
  `random64()` times 2**-53; then `x * (to - from) + from` as one fused multiply-add; a value
  that rounds to `to` becomes `from`. float16 rounds the float32 sample.
- normal, 16 or more contiguous values: all uniforms first, then Box–Muller on blocks of 16
  (the first 8 values give radii, the last 8 angles); a ragged tail redraws the last 16. float32
  runs avx_mathfun's log/sincos (PyTorch's AVX2 kernel), float64 the C library's.
  float16 pads the uniforms to whole blocks instead (see `_normal_fill_half`).
- normal, fewer values (or a non-contiguous tensor): double-precision Box–Muller per pair, whose
  second value is cached in the generator and returned by the next such draw.
- integers in [low, high): `random() % range + low` (`random64()` once range ≥ 2**28).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu.fma import fma32, fma64
from engine.dtypes import scalar_type_name
from engine.ops.broadcast import sum_to
from engine.ops.inplace import _old_value, check_inplace
from engine.sampling.avx_mathfun import log256_ps, sincos256_ps
from engine.sampling.mt19937 import GeneratorState, RandomStream, resolve

if TYPE_CHECKING:
    from engine.tensor import Tensor

_MASK24 = np.uint64((1 << 24) - 1)
_MASK53 = np.uint64((1 << 53) - 1)


def not_implemented(kernel: str, dt: dtypes.dtype) -> NotImplementedError:
    return NotImplementedError(f"\"{kernel}\" not implemented for '{scalar_type_name(dt)}'")


def _cpp_number(x: float) -> str:
    """A double as C++ streams print it (6 significant digits, no trailing zeros)."""
    return f"{x:g}"


# --- uniform -----------------------------------------------------------------------------------


def unit_float32(state: GeneratorState, n: int) -> tuple[np.ndarray, GeneratorState]:
    words, state = state.random(n)
    return (words & _MASK24).astype(np.float32) * np.float32(2.0**-24), state


def unit_float64(state: GeneratorState, n: int) -> tuple[np.ndarray, GeneratorState]:
    words, state = state.random64(n)
    return (words & _MASK53).astype(np.float64) * 2.0**-53, state


def uniform(
    generator: RandomStream | None, n: int, dt: dtypes.dtype, low: float = 0.0, high: float = 1.0
) -> np.ndarray:
    """`n` samples of U[low, high) in dtype `dt`, in the order PyTorch writes them."""
    if dt not in (dtypes.float16, dtypes.float32, dtypes.float64):
        raise not_implemented("check_uniform_bounds", dt)
    check_uniform_bounds(low, high)
    gen = resolve(generator)
    if dt is dtypes.float64:
        x64, state = unit_float64(gen.get_current(), n)
        values = fma64(x64, high - low, low)
    else:
        # float16 samples are float32 samples rounded to half precision
        x, state = unit_float32(gen.get_current(), n)
        a, b = np.float32(low), np.float32(high)
        values = fma32(x, b - a, a).astype(dt.np)
    gen.set_current(state)
    # a value that rounds up to `high` would leave [low, high): PyTorch returns `low` instead
    top, bottom = np.asarray(high, dtype=dt.np), np.asarray(low, dtype=dt.np)
    return np.where(values == top, bottom, values)


def check_uniform_bounds(low: float, high: float) -> None:
    if low > high:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={_cpp_number(low)} "
            f"> to={_cpp_number(high)}"
        )


# --- normal ------------------------------------------------------------------------------------


def normal(
    generator: RandomStream | None,
    n: int,
    dt: dtypes.dtype,
    mean: float = 0.0,
    std: float = 1.0,
    contiguous: bool = True,
) -> np.ndarray:
    """`n` samples of N(mean, std²) in dtype `dt`, by the path PyTorch's kernel takes."""
    if dt not in (dtypes.float16, dtypes.float32, dtypes.float64):
        raise not_implemented("normal_kernel_cpu", dt)
    if std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {_cpp_number(std)}")
    gen = resolve(generator)
    state = gen.get_current()
    if n >= 16 and contiguous:
        if dt is dtypes.float16:
            values, state = _normal_fill_half(state, n, mean, std)
        elif dt is dtypes.float32:
            values, state = _normal_fill(state, n, unit_float32, _box_muller16_float32, mean, std)
        else:
            values, state = _normal_fill(state, n, unit_float64, _box_muller16_float64, mean, std)
    else:
        values, state = _normal_scalar(state, n, mean, std)
    gen.set_current(state)
    return values.astype(dt.np)


def _normal_fill(
    state: GeneratorState, n: int, draw: Any, box_muller16: Any, mean: float, std: float
) -> tuple[np.ndarray, GeneratorState]:
    """ATen's `normal_fill`: uniforms for every slot, Box–Muller per block of 16, and for a
    ragged tail 16 fresh uniforms transformed over the last 16 slots."""
    data, state = draw(state, n)
    whole = n - n % 16
    data[:whole] = box_muller16(data[:whole].reshape(-1, 16), mean, std).reshape(-1)
    if n % 16:
        tail, state = draw(state, 16)
        data[n - 16 :] = box_muller16(tail.reshape(1, 16), mean, std).reshape(-1)
    return data, state


def _normal_fill_half(
    state: GeneratorState, n: int, mean: float, std: float
) -> tuple[np.ndarray, GeneratorState]:
    """float16 (measured against PyTorch 2.13): float32 uniforms padded to whole blocks of 16,
    the float32 Box–Muller on every block, and a ragged tail taken from the last block."""
    padded = -(-n // 16) * 16
    data, state = unit_float32(state, padded)
    normals = _box_muller16_float32(data.reshape(-1, 16), mean, std).reshape(-1)
    values = normals[:n].copy()
    if n % 16:
        values[n - 16 :] = normals[padded - 16 :]
    return values, state


def _box_muller16_float32(blocks: np.ndarray, mean: float, std: float) -> np.ndarray:
    """`normal_fill_16_AVX2`: radius = sqrt(-2 log(1 - u[j])), angle = 2π u[j + 8]."""
    u1 = np.float32(1.0) - blocks[:, :8]
    radius = np.sqrt(np.float32(-2.0) * log256_ps(u1))
    theta = np.float32(2.0 * math.pi) * blocks[:, 8:]
    sin, cos = sincos256_ps(theta)
    m, s = np.float32(mean), np.float32(std)
    return np.concatenate([fma32(radius * cos, s, m), fma32(radius * sin, s, m)], axis=1)


def _box_muller16_float64(blocks: np.ndarray, mean: float, std: float) -> np.ndarray:
    """`normal_fill_16<double>`, with the C library's log/cos/sin (Python's math module)."""
    u1 = 1.0 - blocks[:, :8]
    radius = np.sqrt(-2.0 * _libm(math.log, u1))
    theta = 2.0 * math.pi * blocks[:, 8:]
    cos = radius * _libm(math.cos, theta)
    sin = radius * _libm(math.sin, theta)
    return np.concatenate([fma64(cos, std, mean), fma64(sin, std, mean)], axis=1)


def _libm(fn: Any, x: np.ndarray) -> np.ndarray:
    """Apply a libm function element by element: numpy's own SIMD versions may round differently
    on some CPUs, the C library's are what PyTorch calls."""
    return np.array([fn(v) for v in x.ravel().tolist()], dtype=np.float64).reshape(x.shape)


def _normal_scalar(
    state: GeneratorState, n: int, mean: float, std: float
) -> tuple[np.ndarray, GeneratorState]:
    """`at::normal_distribution<double>` n times: each Box–Muller pair yields r·cos θ now and
    caches r·sin θ for the next draw (reset by manual_seed)."""
    values: list[float] = []
    cached = state.next_double_normal
    if n and cached is not None:
        values.append(cached)
        cached = None
    missing = n - len(values)
    pairs = (missing + 1) // 2
    if pairs:
        u, state = unit_float64(state, 2 * pairs)
        theta = 2.0 * math.pi * u[0::2]
        radius = np.sqrt(-2.0 * _libm(math.log1p, -u[1::2]))
        cos = radius * _libm(math.cos, theta)
        sin = radius * _libm(math.sin, theta)
        pairs_flat = np.stack([cos, sin], axis=1).reshape(-1).tolist()
        values.extend(pairs_flat[:missing])
        cached = pairs_flat[missing] if missing % 2 else None
    state = replace(state, next_double_normal=cached)
    return fma64(np.array(values, dtype=np.float64), std, mean), state


# --- exponential -------------------------------------------------------------------------------


def exponential(
    generator: RandomStream | None, n: int, dt: dtypes.dtype, lambd: float = 1.0
) -> np.ndarray:
    """`n` samples of Exp(lambd): (-1 / lambd) · log1p(-u) from a double uniform per value."""
    if not dt.is_floating_point:
        raise RuntimeError(
            "Exponential distribution is a continuous probability distribution. dtype must be a "
            f"floating point but you specified {scalar_type_name(dt)}"
        )
    if not lambd > 0:
        raise RuntimeError(
            f"exponential_ expects lambda > 0.0, but found lambda={_cpp_number(lambd)}"
        )
    gen = resolve(generator)
    u, state = unit_float64(gen.get_current(), n)
    gen.set_current(state)
    return ((-1.0 / lambd) * _libm(math.log1p, -u)).astype(dt.np)


# --- integers ----------------------------------------------------------------------------------


_C_TYPE_NAMES = {
    "bool": "bool",
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
    "float16": "c10::Half",
    "float32": "float",
    "float64": "double",
}
_FLOAT_DIGITS = {"float16": 11, "float32": 24, "float64": 53}
_PRECISION_WARNING = (
    "{name} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision limitations {type} "
    "can support discrete uniform distribution only within this range. This warning will "
    "become an error in version 1.7 release, please fix the code in advance (Triggered "
    "internally at /__w/pytorch/pytorch/aten/src/ATen/native/DistributionTemplates.h:{line}.)"
)


def check_from_to_in_range(low: int, high: int, dt: dtypes.dtype) -> None:
    """Integers must fit the result dtype; floats warn beyond the range they count exactly."""
    c_name = _C_TYPE_NAMES.get(dt.name, dt.name)
    if dt.name in _FLOAT_DIGITS:
        digits = _FLOAT_DIGITS[dt.name]
        for name, value, line in (("from", low, 110), ("to - 1", high - 1, 111)):
            if abs(value) > 1 << digits:
                message = _PRECISION_WARNING.format(
                    name=name, digits=digits, type=c_name, line=line
                )
                warnings.warn(message, UserWarning, stacklevel=4)
        return
    bits = 8 * dt.itemsize
    if dt.name == "bool":
        lowest, highest = 0, 1
    elif dt.is_signed:
        lowest, highest = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lowest, highest = 0, (1 << bits) - 1
    for name, value in (("from", low), ("to - 1", high - 1)):
        if not lowest <= value <= highest:
            raise RuntimeError(f"{name} is out of bounds for {c_name}")


def random_from_to(
    generator: RandomStream | None, n: int, low: int, high: int, dt: dtypes.dtype = dtypes.int64
) -> np.ndarray:
    """`n` integers uniform in [low, high), as int64 (the modulo bias is PyTorch's too)."""
    if low >= high:
        raise RuntimeError(
            f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
        )
    check_from_to_in_range(low, high, dt)
    span = high - low
    gen = resolve(generator)
    state = gen.get_current()
    # PyTorch 2.13 switches to 64-bit words from a range of 2**28 (measured: 2**28 - 1 still
    # takes one 32-bit word per value, 2**28 takes two)
    if span >= 1 << 28:
        words, state = state.random64(n)
    else:
        words, state = state.random(n)
    gen.set_current(state)
    # C++ adds in unsigned 64-bit arithmetic and reinterprets: wrap around the same way
    shifted = words % np.uint64(span) + np.full(n, low & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64)
    return shifted.astype(np.int64)


def randperm(generator: RandomStream | None, n: int) -> np.ndarray:
    """A random permutation of 0..n-1: Fisher–Yates from the front, `random() % (n - i)`."""
    gen = resolve(generator)
    state = gen.get_current()
    words, state = state.random(max(n - 1, 0))
    gen.set_current(state)
    perm = list(range(n))
    for i, word in enumerate(words.tolist()):
        j = i + word % (n - i)
        perm[i], perm[j] = perm[j], perm[i]
    return np.array(perm, dtype=np.int64)


# --- in-place tensor methods -------------------------------------------------------------------


class OverwrittenBackward(Node):
    """An in-place sample: the new values do not depend on the old ones (zero gradient)."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad * 0,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.zeros(()),)


class UniformBackward0(OverwrittenBackward):
    """self.uniform_(from, to);  the old values no longer matter: ∂result/∂self = 0."""

    __slots__ = ()


class NormalBackward0(OverwrittenBackward):
    """self.normal_(mean, std);  the old values no longer matter: ∂result/∂self = 0."""

    __slots__ = ()


class ExponentialBackward0(OverwrittenBackward):
    """self.exponential_(lambd);  the old values no longer matter: ∂result/∂self = 0."""

    __slots__ = ()


class NormalParametersBackward(Node):
    """torch.normal(mean, std) with tensor parameters: PyTorch's derivatives.yaml gives the
    parameters a zero gradient (a sample is not reparameterised as mean + std·z)."""

    __slots__ = ("shapes",)
    shapes: tuple[tuple[int, ...], ...]

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return tuple(sum_to(grad * 0, shape) for shape in self.shapes)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return tuple(np.zeros(()) for _ in self.shapes)


class NormalBackward1(NormalParametersBackward):
    """normal(mean: Tensor, std: float);  ∂result/∂mean = 0."""

    __slots__ = ()
    derivatives = (Derivative("mean", "0", "0", "zeros_like(mean)"),)


class NormalBackward2(NormalParametersBackward):
    """normal(mean: float, std: Tensor);  ∂result/∂std = 0."""

    __slots__ = ()
    derivatives = (Derivative("std", "0", "0", "zeros_like(std)"),)


class NormalBackward3(NormalParametersBackward):
    """normal(mean: Tensor, std: Tensor);  ∂result/∂mean = ∂result/∂std = 0."""

    __slots__ = ()
    derivatives = (
        Derivative("mean", "0", "0", "zeros_like(mean)"),
        Derivative("std", "0", "0", "zeros_like(std)"),
    )


def memory_axes(data: np.ndarray) -> tuple[int, ...]:
    """The axes of `data` from the largest stride to the smallest: PyTorch's kernels write a
    (possibly transposed) tensor's elements in memory order."""
    return tuple(sorted(range(data.ndim), key=lambda k: -abs(data.strides[k])))


def memory_order(data: np.ndarray) -> np.ndarray:
    """A view of `data` whose C order is its memory order."""
    return data.transpose(memory_axes(data))


def _fill(t: Tensor, values: np.ndarray, node_type: type[Node]) -> Tensor:
    grad = needs_grad(t)
    old = _old_value(t) if grad else None
    target = memory_order(t._data)
    target[...] = values.reshape(target.shape)
    t._bump_version()
    if old is not None:
        result = t._make(t._data, t._dtype)
        record(node_type(), result, (old,))
        t._grad_fn = result._grad_fn
        t._output_nr = 0
    return t


def uniform_(
    t: Tensor, low: float = 0.0, high: float = 1.0, generator: RandomStream | None = None
) -> Tensor:
    check_inplace(t)
    values = uniform(generator, t._data.size, t._dtype, float(low), float(high))
    return _fill(t, values, UniformBackward0)


def normal_(
    t: Tensor, mean: float = 0.0, std: float = 1.0, generator: RandomStream | None = None
) -> Tensor:
    check_inplace(t)
    contiguous = bool(t._data.flags["C_CONTIGUOUS"])
    values = normal(generator, t._data.size, t._dtype, float(mean), float(std), contiguous)
    return _fill(t, values, NormalBackward0)


def exponential_(t: Tensor, lambd: float = 1.0, generator: RandomStream | None = None) -> Tensor:
    check_inplace(t)
    values = exponential(generator, t._data.size, t._dtype, float(lambd))
    return _fill(t, values, ExponentialBackward0)
