"""Bit-exact float arithmetic of PyTorch's CPU random kernels: the float32 `log` and `sincos` of
avx_mathfun.h that PyTorch's AVX2 `normal_` kernel uses (fused multiply-add: engine.cpu.fma).

PyTorch's x86 kernels are compiled with FMA enabled, so `x * std + mean` is one fused
multiply-add (a single rounding), and the polynomial steps of avx_mathfun.h fuse likewise. Those
results differ in the last bit from separate multiply-then-add, so they are emulated here with
error-free transformations in numpy: the same bits on every machine numpy runs on.
"""

from __future__ import annotations

import numpy as np

from engine.cpu.fma import fma32

f32 = np.float32


# --- avx_mathfun.h, as compiled into PyTorch's AVX2 kernels -------------------------------------

_LOG_P = tuple(
    f32(v)
    for v in (
        7.0376836292e-2,
        -1.1514610310e-1,
        1.1676998740e-1,
        -1.2420140846e-1,
        1.4249322787e-1,
        -1.6668057665e-1,
        2.0000714765e-1,
        -2.4999993993e-1,
        3.3333331174e-1,
    )
)
_LOG_Q1 = f32(-2.12194440e-4)
_LOG_Q2 = f32(0.693359375)
_SQRTHF = f32(0.707106781186547524)
_MIN_NORM_POS = f32(1.17549435e-38)
_ONE = f32(1.0)
_HALF = f32(0.5)


def log256_ps(x: np.ndarray) -> np.ndarray:
    """Cephes' float32 log: split off the exponent, then a degree-9 polynomial (x > 0)."""
    x = np.maximum(x.astype(f32), _MIN_NORM_POS)
    bits = x.view(np.int32)
    exponent = (bits >> 23) - 0x7F
    x = ((bits & ~0x7F800000) | 0x3F000000).view(f32)  # mantissa in [0.5, 1)
    e = (exponent.astype(f32) + _ONE).astype(f32)
    small = x < _SQRTHF
    e = e - np.where(small, _ONE, f32(0))
    x = (x - _ONE) + np.where(small, x, f32(0))
    z = x * x
    y = np.full_like(x, _LOG_P[0])
    for p in _LOG_P[1:]:
        y = fma32(y, x, p)
    y = y * x
    y = fma32(y, z, e * _LOG_Q1)
    y = y - z * _HALF
    return (x + y) + e * _LOG_Q2


_FOPI = f32(1.27323954473516)  # 4 / pi
_DP = (f32(-0.78515625), f32(-2.4187564849853515625e-4), f32(-3.77489497744594108e-8))
_SIN_P = (f32(-1.9515295891e-4), f32(8.3321608736e-3), f32(-1.6666654611e-1))
_COS_P = (f32(2.443315711809948e-005), f32(-1.388731625493765e-003), f32(4.166664568298827e-002))


def sincos256_ps(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cephes' float32 sin and cos: reduce by multiples of pi/4 (in three exact-ish pieces), then
    pick the sine or cosine polynomial per octant and fix the signs."""
    x = x.astype(f32)
    sign_sin = x.view(np.int32) & np.int32(-0x80000000)
    x = np.abs(x)
    octant = ((x * _FOPI).astype(np.int32) + 1) & ~1
    y = octant.astype(f32)
    for dp in _DP:
        x = fma32(y, dp, x)
    swap_sin = (octant & 4) << 29
    sign_cos = (~(octant - 2) & 4) << 29
    use_cos_poly = (octant & 2) == 0
    z = x * x
    cos_poly = np.full_like(x, _COS_P[0])
    for p in _COS_P[1:]:
        cos_poly = fma32(cos_poly, z, p)
    cos_poly = fma32(cos_poly * z, z, -(z * _HALF)) + _ONE
    sin_poly = np.full_like(x, _SIN_P[0])
    for p in _SIN_P[1:]:
        sin_poly = fma32(sin_poly, z, p)
    sin_poly = fma32(sin_poly * z, x, x)
    sin = np.where(use_cos_poly, sin_poly, cos_poly)
    cos = np.where(use_cos_poly, cos_poly, sin_poly)
    sin = (sin.view(np.int32) ^ (sign_sin ^ swap_sin)).view(f32)
    cos = (cos.view(np.int32) ^ sign_cos).view(f32)
    return sin, cos
