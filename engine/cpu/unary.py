"""ATen's floating-point unary kernels, bit for bit, on numpy arrays.

- exp, log, sin, cos, tanh, sqrt (and `x ** 0.5`, which ATen turns into sqrt): UnaryOpsKernel.cpp
  sends every element of a float32/float64 tensor, 0-d tensors and strided views included, to
  MKL's VML (`vml::v<op>` → `vms<Op>`/`vmd<Op>` in HA mode), so `engine.cpu.mkl` computes them.
  Without MKL: float32 through float64 rounded once (closer to MKL than numpy's float32 loops),
  float64 by numpy.
- tanh_backward (BinaryOpsKernel.cpp, compiled with FMA): `grad · (1 − y²)` where `1 − y·y` is
  one fused multiply-add;
- sigmoid (UnaryOpsKernel.cpp `sigmoid_kernel`, a `cpu_kernel_vec` with an AVX512 build):
  Sleef's exp in the vector loop, glibc's in the scalar tail;
- sigmoid_backward: `grad · (1 − y) · y`, left to right;
- expm1, log1p: Sleef on every element; rsqrt: `1 / sqrt(x)`.

Each function takes and returns arrays of the input's dtype.
"""

from __future__ import annotations

import numpy as np

from engine.cpu import libm, loop, mkl, sleef
from engine.cpu.fma import fma32, fma64


def _vml(op: str, x: np.ndarray) -> np.ndarray:
    exact = mkl.vml(op, x)  # MKL raises no numpy warnings: no errstate needed (it is slow)
    if exact is not None:
        return exact
    with np.errstate(all="ignore"):
        fn = getattr(np, op)
        if x.dtype == np.float32 and op != "log":
            # numpy's own float32 log agrees with MKL more often than float64-rounded does
            return np.asarray(fn(x.astype(np.float64)), dtype=np.float32)
        return np.asarray(fn(x))


def exp(x: np.ndarray) -> np.ndarray:
    """e^x as torch.exp computes it."""
    return _vml("exp", x)


def log(x: np.ndarray) -> np.ndarray:
    """ln x as torch.log computes it."""
    return _vml("log", x)


def sin(x: np.ndarray) -> np.ndarray:
    """sin x as torch.sin computes it."""
    return _vml("sin", x)


def cos(x: np.ndarray) -> np.ndarray:
    """cos x as torch.cos computes it."""
    return _vml("cos", x)


def tanh(x: np.ndarray) -> np.ndarray:
    """tanh x as torch.tanh computes it."""
    return _vml("tanh", x)


def sqrt(x: np.ndarray) -> np.ndarray:
    """√x as torch.sqrt computes it (MKL's, which is not always the correctly rounded root)."""
    return _vml("sqrt", x)


def expm1(x: np.ndarray) -> np.ndarray:
    """e^x − 1 as torch.expm1 computes it: `vml::vexpm1` maps Sleef's expm1 over every element
    (MKL's is disabled in vml.h), a partial last vector included, so position does not matter."""
    if x.dtype.char not in "fd":
        with np.errstate(all="ignore"):
            return np.asarray(np.expm1(x))
    return sleef.expm1f_u10(x) if x.dtype == np.float32 else sleef.expm1_u10(x)


def log1p(x: np.ndarray) -> np.ndarray:
    """ln(1 + x) as torch.log1p computes it (Sleef's log1p on every element, as expm1)."""
    if x.dtype.char not in "fd":
        with np.errstate(all="ignore"):
            return np.asarray(np.log1p(x))
    return sleef.log1pf_u10(x) if x.dtype == np.float32 else sleef.log1p_u10(x)


def rsqrt(x: np.ndarray) -> np.ndarray:
    """1 / √x: `rsqrt_kernel` divides by the IEEE square root in both its loops."""
    with np.errstate(all="ignore"):
        return np.asarray(x.dtype.type(1) / np.sqrt(x))


def _sigmoid_vector(x: np.ndarray) -> np.ndarray:
    # a = 0 - a; a = a.exp(); a = 1 + a; a = a.reciprocal()  (Sleef exp, IEEE division)
    one = x.dtype.type(1)
    e = sleef.expf_u10(x.dtype.type(0) - x) if x.dtype == np.float32 else sleef.exp_u10(-x)
    with np.errstate(all="ignore"):
        return np.asarray(one / (one + e), dtype=x.dtype)


def _sigmoid_scalar(x: np.ndarray) -> np.ndarray:
    # 1 / (1 + std::exp(-a)) in the input's type, the C library's exp
    one = x.dtype.type(1)
    with np.errstate(all="ignore"):
        return np.asarray(one / (one + libm.unary("exp", -x)), dtype=x.dtype)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-x) as ATen's sigmoid kernel computes it: Sleef's exp on the vector loop's
    chunks, the C library's on the rest (engine.cpu.loop decides which element is which)."""
    if x.dtype not in loop.AVX512:
        with np.errstate(all="ignore"):
            return np.asarray(1 / (1 + np.exp(-x)))
    return loop.elementwise(x, loop.AVX512, _sigmoid_vector, _sigmoid_scalar)


def _fma(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    dtype = np.result_type(a, b, c)
    return (fma32 if dtype == np.float32 else fma64)(a, b, c).astype(dtype, copy=False)


def tanh_backward(grad: np.ndarray, result: np.ndarray) -> np.ndarray:
    """grad · (1 − result²), with `1 − result·result` fused as ATen's FMA build does."""
    if result.dtype.kind != "f":
        return np.asarray(grad * (1 - result * result))
    one = np.ones((), result.dtype)
    with np.errstate(all="ignore"):
        return np.asarray(grad * _fma(-result, result, one), dtype=np.result_type(grad, result))


def sigmoid_backward(grad: np.ndarray, result: np.ndarray) -> np.ndarray:
    """grad · (1 − result) · result, in ATen's order."""
    one = np.ones((), result.dtype)
    with np.errstate(all="ignore"):
        return np.asarray(grad * (one - result) * result)
