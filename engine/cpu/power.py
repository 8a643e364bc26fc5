"""`x ** exponent` as ATen's CPU pow kernels compute it (aten/src/ATen/native/cpu/PowKernel.cpp).

With a number exponent, `pow_tensor_scalar_kernel` picks a kernel by its value: 0.5 is sqrt
(MKL's, engine.cpu.unary), -0.5 rsqrt (`1 / sqrt`, IEEE), -1 reciprocal, 2 and 3 products
(`x·x`, `x·x·x`), -2 `1 / (x·x)`; (0 and 1 never get here: the output is filled with ones or a
copy). Any other exponent runs `cpu_kernel_vec` (an AVX512 build: chunks of 32 float / 16
double): Sleef's pow on the vector loop's chunks and `std::pow` in double (glibc) on the rest,
so a 0-d or short tensor gets glibc's bits.
"""

from __future__ import annotations

import numpy as np

from engine.cpu import libm, loop, sleef, unary


def _vector_pow(exponent: float) -> loop.Op:
    def run(x: np.ndarray) -> np.ndarray:
        e = np.full(x.shape, exponent, dtype=x.dtype)
        return sleef.powf_u10(x, e) if x.dtype == np.float32 else sleef.pow_u10(x, e)

    return run


def pow_scalar(x: np.ndarray, exponent: float) -> np.ndarray:
    """x ** exponent for a float32/float64 array and a Python number."""
    one = x.dtype.type(1)
    with np.errstate(all="ignore"):
        if exponent == 0:
            return np.ones_like(x)
        if exponent == 1:
            return x.copy()
        if exponent == 0.5:
            return unary.sqrt(x)
        if exponent == -0.5:
            return np.asarray(one / np.sqrt(x))
        if exponent == -1:
            return np.asarray(one / x)
        if exponent == 2:
            return np.asarray(x * x)
        if exponent == 3:
            return np.asarray(x * x * x)
        if exponent == -2:
            return np.asarray(one / (x * x))
    e = float(exponent)
    return loop.elementwise(x, loop.AVX512, _vector_pow(e), lambda v: libm.pow_double(v, e))


def _vector_pow2(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return sleef.powf_u10(x, y) if x.dtype == np.float32 else sleef.pow_u10(x, y)


def pow_tensor(x: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """x ** y for two arrays of one float dtype, shape and layout (`pow_tensor_tensor_kernel`:
    Sleef's pow in the vector loop, `std::pow` in the tail); None for other operands."""
    if x.dtype.char not in "fd":
        return None
    return loop.elementwise2(x, y, loop.AVX512, _vector_pow2, libm.pow_same)


def pow_scalar_backward(grad: np.ndarray, x: np.ndarray, exponent: float) -> np.ndarray:
    """`pow_backward`: grad · (exponent · x^(exponent − 1)), the exponent rounded to x's dtype
    as a number operand of `mul` is, the power by the same kernels as the forward."""
    if exponent == 0:
        return np.zeros_like(x)
    with np.errstate(all="ignore"):
        local = x.dtype.type(exponent) * pow_scalar(x, float(exponent) - 1)
        return np.asarray(grad * local, dtype=np.result_type(grad, x))
