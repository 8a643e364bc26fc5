"""The C library's scalar maths (glibc's libm), which ATen's scalar code paths call.

`std::exp(float)` in a kernel's scalar loop is glibc's `expf`, `std::pow(double, double)` its
`pow`, and so on. Their algorithms are glibc's own (neither numpy's SIMD loops nor correctly
rounded), so the functions are called here through ctypes, one element at a time — only for
the few elements ATen's loops leave to the scalar path (a vector loop's tail, 0-d tensors).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

import numpy as np

# past this many scalar elements (a big strided view: no vector path at all) the C library is
# not called element by element; numpy's float64 result rounded once stands in for it
MAX_CALLS = 4096
_NUMPY = {"exp": np.exp, "expm1": np.expm1, "log1p": np.log1p}


@cache
def _functions() -> dict[str, Callable[..., float]]:
    """glibc's routines by C name (`expf`, `exp`, `pow`, …), declared for ctypes."""
    lib = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
    out: dict[str, Callable[..., float]] = {}
    for name in ("exp", "expm1", "log1p"):
        for suffix, c_type in (("f", ctypes.c_float), ("", ctypes.c_double)):
            fn = getattr(lib, name + suffix)
            fn.argtypes = [c_type]
            fn.restype = c_type
            out[name + suffix] = fn
    for name, c_type in (("powf", ctypes.c_float), ("pow", ctypes.c_double)):
        fn = getattr(lib, name)
        fn.argtypes = [c_type, c_type]
        fn.restype = c_type
        out[name] = fn
    return out


def unary(name: str, x: np.ndarray) -> np.ndarray:
    """`name` ("exp", "expm1", "log1p") of each element as glibc computes it in x's dtype
    (`expf` for float32, `exp` for float64)."""
    flat = np.asarray(x).reshape(-1)
    if flat.size > MAX_CALLS:
        with np.errstate(all="ignore"):
            out = np.asarray(_NUMPY[name](flat.astype(np.float64)), dtype=flat.dtype)
        return out.reshape(np.shape(x))
    fn = _functions()[name + ("f" if flat.dtype == np.float32 else "")]
    return np.array([fn(float(v)) for v in flat], dtype=flat.dtype).reshape(np.shape(x))


def pow_double(x: np.ndarray, exponent: float) -> np.ndarray:
    """glibc's `pow(double(x), exponent)` per element, rounded to x's dtype (the scalar path
    of ATen's pow with a number exponent computes in double)."""
    flat = np.asarray(x).reshape(-1)
    with np.errstate(all="ignore"):
        if flat.size > MAX_CALLS:
            out = np.power(flat.astype(np.float64), exponent)
        else:
            power = _functions()["pow"]
            out = np.array([power(float(v), exponent) for v in flat], dtype=np.float64)
        return out.astype(flat.dtype).reshape(np.shape(x))


def pow_same(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """glibc's `powf` (float32) or `pow` (float64) of x and y element by element: the scalar
    path of ATen's pow of two tensors (`std::pow(scalar_t, scalar_t)`)."""
    fx, fy = np.asarray(x).reshape(-1), np.asarray(y).reshape(-1)
    with np.errstate(all="ignore"):
        if fx.size > MAX_CALLS:
            out = np.power(fx.astype(np.float64), fy.astype(np.float64)).astype(fx.dtype)
        else:
            fn = _functions()["powf" if fx.dtype == np.float32 else "pow"]
            out = np.array([fn(float(a), float(b)) for a, b in zip(fx, fy, strict=True)],
                           dtype=fx.dtype)  # fmt: skip
    return out.reshape(np.shape(x))
