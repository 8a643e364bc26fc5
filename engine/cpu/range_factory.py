"""`torch.arange` and `torch.linspace` values as ATen's CPU kernels compute them, bit for bit.

aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp (compiled with FMA, so `a + b·c` is one
fused multiply-add) fills arange's output with `cpu_serial_kernel_vec`:
whole chunks of 2 × `Vectorized<T>::size()` elements (the AVX2 build on x86-64: 8 float or
4 double lanes, as that file registers no AVX512 kernel) come from `Vectorized<T>::arange(base,
step)` — lane j is `base + j·step` with `base` computed once per vector — and the last
`n mod 16` (float) or `n mod 8` (double) elements from the scalar formula. So an element's
bits depend on where it sits in its vector, which this module reproduces:

- linspace (scalar loop only since ATen dropped its vectorised path): `step = (end − start) /
  (steps − 1)` in the output dtype; the first half counts up from `start` (`start + step·i`),
  the second half down from `end` (`end − step·(steps−1−i)`);
- arange: `start + step·i` in double (ATen's accscalar for float and double), rounded once to
  the output dtype; in a vector, `base` is that value for the vector's first element, rounded
  to the dtype, and lane j adds `j·step` in double before rounding again.
"""

from __future__ import annotations

import numpy as np

from engine.cpu.fma import fma32, fma64

LANES = {np.dtype(np.float32): 8, np.dtype(np.float64): 4}  # Vectorized<T>::size(), AVX2


def _vector_layout(n: int, dtype: np.dtype) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each index: is it in a vector, the index its vector starts at, its lane."""
    lanes = LANES[dtype]
    i = np.arange(n)
    in_vector = i < (n // (2 * lanes)) * (2 * lanes)
    lane = i % lanes
    return in_vector, i - lane, lane


def linspace(start: float, end: float, steps: int, dtype: np.dtype) -> np.ndarray:
    """`torch.linspace(start, end, steps)` for a float32/float64 output (the scalar loop)."""
    dtype = np.dtype(dtype)
    t = dtype.type
    if steps == 0:
        return np.zeros(0, dtype)
    if steps == 1:
        return np.full(1, start, dtype)
    s, e = t(start), t(end)
    step = t((e - s) / t(steps - 1))
    i = np.arange(steps)
    fma = fma32 if dtype == np.float32 else fma64
    with np.errstate(all="ignore"):
        # the kernel is compiled with FMA: start + step·i and end − step·(steps−1−i) fuse
        up = fma(step, i.astype(dtype), s)
        down = fma(-step, (steps - i - 1).astype(dtype), e)
    return np.asarray(np.where(i < steps // 2, up, down), dtype)


def arange(start: float, step: float, count: int, dtype: np.dtype) -> np.ndarray:
    """`torch.arange` values for a float32/float64 output of `count` elements."""
    dtype = np.dtype(dtype)
    if count == 0:
        return np.zeros(0, dtype)
    start_d, step_d = float(start), float(step)
    in_vector, first, lane = _vector_layout(count, dtype)
    i = np.arange(count, dtype=np.float64)
    with np.errstate(all="ignore"):
        # compiled with FMA: every `a + step·i` is one fused multiply-add in double
        scalar = fma64(step_d, i, start_d).astype(dtype)
        base = fma64(step_d, first.astype(np.float64), start_d).astype(dtype)
        vector = fma64(lane.astype(np.float64), step_d, base.astype(np.float64)).astype(dtype)
    return np.asarray(np.where(in_vector, vector, scalar), dtype)
