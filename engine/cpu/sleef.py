"""Sleef's vector maths as PyTorch's AVX2 kernels run it, in numpy, bit for bit.

`Vectorized<float>::exp()` and friends call Sleef (`Sleef_expf8_u10`, `Sleef_expd4_u10`, …),
built for AVX2 with FMA: every `vmla` below is one fused multiply-add. These ports follow
src/libm/sleefsimdsp.c and sleefsimddp.c (Sleef 3.x, `xexpf` / `xexp`) step by step, with the
fused steps emulated by engine.cpu.fma, so each lane gets Sleef's bits (checked against the
Sleef routines exported by libtorch_cpu.so, see tools/golden/gen_cpu_kernels.py).

Which elements ATen hands to Sleef and which to the C library is engine.cpu.loop's business.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from engine.cpu.fma import fma32, fma64

f32 = np.float32
DoubleWord = tuple[np.ndarray, np.ndarray]  # (hi, lo): hi + lo carries twice the precision

_R_LN2F = f32(1.442695040888963407359924681001892137426645954152985934135449406931)
_L2UF = f32(0.693145751953125)
_L2LF = f32(1.428606765330187045e-06)
_EXPF_POLY = tuple(
    f32(c)
    for c in (
        0.000198527617612853646278381,
        0.00139304355252534151077271,
        0.00833336077630519866943359,
        0.0416664853692054748535156,
        0.166666671633720397949219,
        0.5,
    )
)


def _pow2i_f32(q: np.ndarray) -> np.ndarray:
    """2**q as a float32 built from its exponent bits (`vpow2i_vf_vi2`)."""
    return ((q + 0x7F).astype(np.int32) << 23).view(f32)


def _ldexp2_f32(d: np.ndarray, e: np.ndarray) -> np.ndarray:
    """d · 2^(e>>1) · 2^(e − e>>1), two float32 products (`vldexp2_vf_vf_vi2`)."""
    half = e >> 1
    return np.asarray((d * _pow2i_f32(half)) * _pow2i_f32(e - half))


def expf_u10(d: np.ndarray) -> np.ndarray:
    """`Sleef_expf8_u10` (xexpf) on float32 lanes."""
    d = np.asarray(d, dtype=f32)
    with np.errstate(all="ignore"):
        # vrint_vi2_vf: round to nearest even; NaN and huge lanes give INT_MIN, as cvtps does
        z = np.rint(d * _R_LN2F)
        q = np.where(np.isfinite(z) & (np.abs(z) < 2**31), z, -(2.0**31)).astype(np.int32)
        qf = q.astype(f32)
        s = fma32(qf, -_L2UF, d)
        s = fma32(qf, -_L2LF, s)
        u = np.full_like(s, _EXPF_POLY[0])
        for c in _EXPF_POLY[1:]:
            u = fma32(u, s, c)
        u = f32(1.0) + fma32(s * s, u, s)
        u = _ldexp2_f32(u, q)
        u = np.where(d < f32(-104), f32(0.0), u)
        return np.asarray(np.where(f32(100) < d, f32(np.inf), u), dtype=f32)


_R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931
_L2U = 0.69314718055966295651160180568695068359375
_L2L = 0.28235290563031577122588448175013436025525412068e-12
_LOG_DBL_MAX = float.fromhex("0x1.62e42fefa39efp+9")
# POLY10 coefficients c9 … c0 of xexp
_EXP_POLY = (
    0.2081276378237164457e-8,
    0.2511210703042288022e-7,
    0.2755762628169491192e-6,
    0.2755723402025388239e-5,
    0.2480158687479686264e-4,
    0.1984126989855865850e-3,
    0.1388888888914497797e-2,
    0.8333333333314938210e-2,
    0.4166666666666602598e-1,
    0.1666666666666669072e0,
)


def _pow2i_f64(q: np.ndarray) -> np.ndarray:
    return ((q.astype(np.int64) + 0x3FF) << 52).view(np.float64)


def _ldexp2_f64(d: np.ndarray, e: np.ndarray) -> np.ndarray:
    half = e >> 1
    return np.asarray((d * _pow2i_f64(half)) * _pow2i_f64(e - half))


def _poly2(x: np.ndarray, c1: float, c0: float) -> np.ndarray:
    return fma64(x, c1, c0)


def _poly4(x: np.ndarray, x2: np.ndarray, c3: float, c2: float, c1: float, c0: float) -> np.ndarray:
    return fma64(x2, _poly2(x, c3, c2), _poly2(x, c1, c0))


def exp_u10(d: np.ndarray) -> np.ndarray:
    """`Sleef_expd4_u10` (xexp) on float64 lanes."""
    d = np.asarray(d, dtype=np.float64)
    with np.errstate(all="ignore"):
        u = np.rint(d * _R_LN2)
        q = np.where(np.isfinite(u) & (np.abs(u) < 2**31), u, -(2.0**31)).astype(np.int32)
        s = fma64(u, -_L2U, d)
        s = fma64(u, -_L2L, s)
        s2 = s * s
        s4 = s2 * s2
        s8 = s4 * s4
        c = _EXP_POLY
        poly8 = fma64(s4, _poly4(s, s2, *c[2:6]), _poly4(s, s2, *c[6:10]))
        u = fma64(s8, _poly2(s, c[0], c[1]), poly8)
        u = fma64(u, s, 0.5)
        u = fma64(u, s, 1.0)
        u = fma64(u, s, 1.0)
        u = _ldexp2_f64(u, q)
        u = np.where(d > _LOG_DBL_MAX, np.inf, u)
        return np.asarray(np.where(d < -1000, 0.0, u), dtype=np.float64)


# --- log (xlogf_u1 / xlog_u1, behind Sleef_logf*_u10 / Sleef_logd*_u10) ------------------------
# Both precisions run the same steps on a double-word (hi, lo) pair (df.h / dd.h with FMA).


def _fma(a: np.ndarray, b: npt.ArrayLike, c: npt.ArrayLike) -> np.ndarray:
    dtype = np.result_type(a, b, c)
    return np.asarray((fma32 if dtype == np.float32 else fma64)(a, b, c), dtype=dtype)


def _add2(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dfadd2_vf2_vf_vf: the exact sum of two numbers as (hi, lo)."""
    s = x + y
    v = s - x
    return s, (x - (s - v)) + (y - v)


def _div(
    nh: np.ndarray, nl: np.ndarray, dh: np.ndarray, dl: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """dfdiv_vf2_vf2_vf2 (FMA build)."""
    one = dh.dtype.type(1)
    t = one / dh
    s = nh * t
    u = _fma(t, nh, -s)
    v = _fma(-dl, t, _fma(-dh, t, np.full_like(dh, one)))
    return s, _fma(s, v, _fma(nl, t, u))


_LOGF = (f32(0.3027294874), f32(0.3996108174), f32(0.6666694880))
_LN2F = (f32(0.69314718246459960938), f32(-1.904654323148236017e-09))
_LOG = (
    0.1532076988502701353e0,
    0.1525629051003428716e0,
    0.1818605932937785996e0,
    0.2222214519839380009e0,
    0.2857142932794299317e0,
    0.3999999999635251990e0,
    0.6666666666667333541e0,
)
_LN2 = (0.693147180559945286226764, 2.319046813846299558417771e-17)


def _log(d: np.ndarray) -> np.ndarray:
    dtype = d.dtype
    t_ = dtype.type
    single = dtype == np.float32
    bits, mant, bias = (np.int32, 23, 0x7F) if single else (np.int64, 52, 0x3FF)
    tiny = np.finfo(dtype).tiny
    with np.errstate(all="ignore"):
        o = d < tiny
        d = np.where(o, d * t_(2.0**64), d)
        # vilogb2k / vldexp3: exponent of d/0.75, and d scaled by 2^-e into [0.75, 1.5)
        scaled = (d * t_(1.0 / 0.75)).view(bits)
        e = ((scaled >> mant) & (0xFF if single else 0x7FF)) - bias
        m = (d.view(bits) + (-e).astype(bits) * (bits(1) << mant)).view(dtype)
        e = np.where(o, e - 64, e)
        ef = e.astype(dtype)
        # s = ln2 (double word) · e
        sh = _LN2F[0] * ef if single else _LN2[0] * ef
        c_hi, c_lo = _LN2F if single else (t_(_LN2[0]), t_(_LN2[1]))
        sl = _fma(np.full_like(ef, c_lo), ef, _fma(np.full_like(ef, c_hi), ef, -sh))
        nh, nl = _add2(np.full_like(m, -1), m)
        dh, dl = _add2(np.full_like(m, 1), m)
        xh, xl = _div(nh, nl, dh, dl)
        x2 = xh * xh
        if single:
            t = np.full_like(x2, _LOGF[0])
            t = _fma(t, x2, np.full_like(x2, _LOGF[1]))
            t = _fma(t, x2, np.full_like(x2, _LOGF[2]))
        else:
            x4 = x2 * x2
            x8 = x4 * x4
            c = _LOG
            poly3 = _fma(x4, np.full_like(x2, c[0]), _fma(x2, np.full_like(x2, c[1]), c[2]))
            poly4 = _fma(x4, _fma(x2, np.full_like(x2, c[3]), c[4]), _fma(x2, c[5], c[6]))
            t = _fma(x8, poly3, poly4)
        # s += 2x (double word), then += x³·t
        two = t_(2)
        yh, yl = xh * two, xl * two
        s = sh + yh
        sl = (((sh - s) + yh) + sl) + yl
        sh = s
        w = (x2 * xh) * t
        s = sh + w
        sl = ((sh - s) + w) + sl
        r = s + sl
        r = np.where(np.isposinf(d), t_(np.inf), r)
        r = np.where((d < 0) | np.isnan(d), t_(np.nan), r)
        return np.asarray(np.where(d == 0, t_(-np.inf), r), dtype=dtype)


def logf_u10(d: np.ndarray) -> np.ndarray:
    """`Sleef_logf8_u10` / `Sleef_logf16_u10` (xlogf_u1) on float32 lanes."""
    return _log(np.asarray(d, dtype=f32))


def log_u10(d: np.ndarray) -> np.ndarray:
    """`Sleef_logd4_u10` / `Sleef_logd8_u10` (xlog_u1) on float64 lanes."""
    return _log(np.asarray(d, dtype=np.float64))


# --- pow (xpowf / xpow, behind Sleef_powf*_u10 / Sleef_powd*_u10) ------------------------------
# log |x| in double-word precision (logkf / logk), times y, then exp of the double word
# (expkf / expk), and the special cases of C99's pow.


def _mul_dw(xh: np.ndarray, xl: np.ndarray, yh: np.ndarray, yl: np.ndarray) -> DoubleWord:
    """dfmul_vf2_vf2_vf2 / ddmul_vd2_vd2_vd2 (FMA build)."""
    s = xh * yh
    return s, _fma(xh, yl, _fma(xl, yh, _fma(xh, yh, -s)))


def _mul_dw1(xh: np.ndarray, xl: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dfmul_vf2_vf2_vf / ddmul_vd2_vd2_vd: a double word times a number."""
    s = xh * y
    return s, _fma(xl, y, _fma(xh, y, -s))


def _sqr_dw(xh: np.ndarray, xl: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dfsqu_vf2_vf2 / ddsqu_vd2_vd2."""
    s = xh * xh
    return s, _fma(xh + xh, xl, _fma(xh, xh, -s))


def _add_dw(xh: np.ndarray, xl: np.ndarray, yh: np.ndarray, yl: np.ndarray) -> DoubleWord:
    """dfadd_vf2_vf2_vf2 (|x| ≥ |y|)."""
    s = xh + yh
    return s, (((xh - s) + yh) + xl) + yl


def _add2_dw(xh: np.ndarray, xl: np.ndarray, yh: np.ndarray, yl: np.ndarray) -> DoubleWord:
    """dfadd2_vf2_vf2_vf2 (any magnitudes)."""
    s = xh + yh
    v = s - xh
    t = (xh - (s - v)) + (yh - v)
    return s, t + (xl + yl)


def _add2_dw1(xh: np.ndarray, xl: np.ndarray, y: npt.ArrayLike) -> DoubleWord:
    """dfadd2_vf2_vf2_vf: a double word plus a number."""
    s = xh + y
    v = s - xh
    t = (xh - (s - v)) + (y - v)
    return s, t + xl


def _exponent_mantissa(d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """e and m with d = m·2^e, m in [0.75, 1.5) (vilogb2k / vldexp3, subnormals scaled)."""
    dtype = d.dtype
    single = dtype == np.float32
    bits, mant, mask, bias = (np.int32, 23, 0xFF, 0x7F) if single else (np.int64, 52, 0x7FF, 0x3FF)
    o = d < np.finfo(dtype).tiny
    d = np.where(o, d * dtype.type(2.0**64), d)
    e = (((d * dtype.type(1.0 / 0.75)).view(bits) >> mant) & mask) - bias
    m = (d.view(bits) + (-e).astype(bits) * (bits(1) << mant)).view(dtype)
    return np.where(o, e - 64, e).astype(dtype), m


_LOGKF = (f32(0.240320354700088500976562), f32(0.285112679004669189453125),
          f32(0.400007992982864379882812))  # fmt: skip
_LOGKF_C = (f32(0.66666662693023681640625), f32(3.69183861259614332084311e-09))
_LOGK = (
    0.116255524079935043668677,
    0.103239680901072952701192,
    0.117754809412463995466069,
    0.13332981086846273921509,
    0.153846227114512262845736,
    0.181818180850050775676507,
    0.222222222230083560345903,
    0.285714285714249172087875,
    0.400000000000000077715612,
)
_LOGK_C = (0.666666666666666629659233, 3.80554962542412056336616e-17)


def _logk(d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """logkf / logk: ln d as a double word."""
    dtype = d.dtype
    t_ = dtype.type
    ef, m = _exponent_mantissa(d)
    one = np.ones_like(m)
    xh, xl = _div(*_add2(-one, m), *_add2(one, m))
    x2h, x2l = _sqr_dw(xh, xl)
    ln2 = _LN2F if dtype == np.float32 else (t_(_LN2[0]), t_(_LN2[1]))
    sh, sl = _mul_dw1(np.full_like(ef, ln2[0]), np.full_like(ef, ln2[1]), ef)
    sh, sl = _add_dw(sh, sl, xh * t_(2), xl * t_(2))
    if dtype == np.float32:
        t = np.full_like(x2h, _LOGKF[0])
        t = _fma(t, x2h, _LOGKF[1])
        t = _fma(t, x2h, _LOGKF[2])
        ph, pl = _add2_dw(*_mul_dw1(x2h, x2l, t), np.full_like(t, _LOGKF_C[0]),
                          np.full_like(t, _LOGKF_C[1]))  # fmt: skip
        return _add_dw(sh, sl, *_mul_dw(*_mul_dw(x2h, x2l, xh, xl), ph, pl))
    x4 = x2h * x2h
    x8 = x4 * x4
    x16 = x8 * x8
    c = _LOGK

    def poly2(a: float, b: float) -> np.ndarray:
        return _fma(x2h, np.full_like(x2h, a), b)

    def poly4(k: int) -> np.ndarray:
        return _fma(x4, poly2(c[k], c[k + 1]), poly2(c[k + 2], c[k + 3]))

    t = _fma(x16, np.full_like(x2h, c[0]), _fma(x8, poly4(1), poly4(5)))
    cube_h, cube_l = _mul_dw(x2h, x2l, xh, xl)
    sh, sl = _add_dw(sh, sl, *_mul_dw(cube_h, cube_l, np.full_like(t, _LOGK_C[0]),
                                      np.full_like(t, _LOGK_C[1])))  # fmt: skip
    fifth_h, fifth_l = _mul_dw(x2h, x2l, cube_h, cube_l)
    return _add_dw(sh, sl, *_mul_dw1(fifth_h, fifth_l, t))


def _ldexp_f32(x: np.ndarray, q: np.ndarray) -> np.ndarray:
    """vldexp_vf_vf_vi2: x·2^q in five products, safe for the whole exponent range."""
    m = q >> 31
    m = (((m + q) >> 6) - m) << 4
    q = q - (m << 2)
    m = m + 0x7F
    m = np.where(m > 0, m, 0)
    m = np.where(m > 0xFF, 0xFF, m)
    u = (m.astype(np.int32) << 23).view(f32)
    x = (((x * u) * u) * u) * u
    return np.asarray(x * ((q + 0x7F).astype(np.int32) << 23).view(f32))


_EXPKF = (f32(0.00136324646882712841033936), f32(0.00836596917361021041870117),
          f32(0.0416710823774337768554688), f32(0.166665524244308471679688),
          f32(0.499999850988388061523438))  # fmt: skip
_EXPK = (2.51069683420950419527139e-08, 2.76286166770270649116855e-07,
         2.75572496725023574143864e-06, 2.48014973989819794114153e-05,
         0.000198412698809069797676111, 0.0013888888939977128960529,
         0.00833333333332371417601081, 0.0416666666665409524128449,
         0.166666666666666740681535, 0.500000000000000999200722)  # fmt: skip


def _expk(dh: np.ndarray, dl: np.ndarray) -> np.ndarray:
    """expkf / expk: e^(dh + dl)."""
    dtype = dh.dtype
    single = dtype == np.float32
    r_ln2, l2u, l2l = (_R_LN2F, _L2UF, _L2LF) if single else (_R_LN2, _L2U, _L2L)
    z = np.rint((dh + dl) * dtype.type(r_ln2))
    q = np.where(np.isfinite(z) & (np.abs(z) < 2**31), z, -(2.0**31)).astype(np.int32)
    dq = q.astype(dtype) if single else z
    sh, sl = _add2_dw1(dh, dl, dq * dtype.type(-l2u))
    sh, sl = _add2_dw1(sh, sl, dq * dtype.type(-l2l))
    h = sh + sl
    sh, sl = h, (sh - h) + sl  # dfnormalize
    if single:
        u = np.full_like(sh, _EXPKF[0])
        for k in _EXPKF[1:]:
            u = _fma(u, sh, k)
        th, tl = _add_dw(sh, sl, *_mul_dw1(*_sqr_dw(sh, sl), u))
        s = f32(1) + th
        th, tl = s, ((f32(1) - s) + th) + tl
        out = _ldexp_f32(th + tl, q)
        return np.asarray(np.where(dh < f32(-104), f32(0), out), dtype=dtype)
    s2 = sh * sh
    s4 = s2 * s2
    s8 = s4 * s4
    c = _EXPK
    poly8 = _fma(s4, _poly4(sh, s2, *c[2:6]), _poly4(sh, s2, *c[6:10]))
    u = _fma(s8, _poly2(sh, c[0], c[1]), poly8)
    one = 1.0 + sh
    th, tl = one, ((1.0 - one) + sh) + sl
    th, tl = _add_dw(th, tl, *_mul_dw1(*_sqr_dw(sh, sl), u))
    out = _ldexp2_f64(th + tl, q)
    return np.asarray(np.where(dh < -1000, 0.0, out), dtype=dtype)


def _pow(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    dtype = x.dtype
    t_ = dtype.type
    single = dtype == np.float32
    inf, nan = t_(np.inf), t_(np.nan)
    with np.errstate(all="ignore"):
        if single:
            big = np.abs(y) > f32(1 << 24)
            yisint = (np.trunc(y) == y) | big
            whole = np.where(np.abs(y) < 2**31, np.trunc(y), -(2.0**31)).astype(np.int64)
            yisodd = ((whole & 1) == 1) & yisint & (np.abs(y) < f32(1 << 24))
        else:
            yisint = np.rint(y) == y
            yisodd = (np.rint(y * 0.5) != y * 0.5) & yisint
        dh, dl = _mul_dw1(*_logk(np.abs(x)), y)
        result = _expk(dh, dl)
        if single:
            result = np.where(np.isnan(result), inf, result)
        else:
            result = np.where(dh > _LOG_DBL_MAX, inf, result)
        sign = np.where(x > 0, t_(1), np.where(yisint, np.where(yisodd, t_(-1), t_(1)), nan))
        result = result * sign
        efx = np.abs(x) - t_(1)
        efx = np.where(np.signbit(y), -efx, efx)
        at_inf = np.where(efx < 0, t_(0), np.where(efx == 0, t_(1), inf))
        result = np.where(np.isinf(y), at_inf, result)
        edge = np.where(np.signbit(y) ^ (x == 0), t_(0), inf)
        edge = np.where(np.signbit(np.where(yisodd, x, t_(1))), -edge, edge)
        result = np.where(np.isinf(x) | (x == 0), edge, result)
        result = np.where(np.isnan(x) | np.isnan(y), nan, result)
        return np.asarray(np.where((y == 0) | (x == 1), t_(1), result), dtype=dtype)


def powf_u10(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """`Sleef_powf8_u10` (xpowf) on float32 lanes."""
    return _pow(np.asarray(x, dtype=f32), np.asarray(y, dtype=f32))


def pow_u10(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """`Sleef_powd4_u10` (xpow) on float64 lanes."""
    return _pow(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))


# --- expm1 and log1p (xexpm1f / xexpm1, xlog1pf / xlog1p) -------------------------------------


def _expk2(dh: np.ndarray, dl: np.ndarray) -> DoubleWord:
    """expk2f / expk2: e^(dh + dl) as a double word."""
    dtype = dh.dtype
    single = dtype == np.float32
    r_ln2, l2u, l2l = (_R_LN2F, _L2UF, _L2LF) if single else (_R_LN2, _L2U, _L2L)
    z = np.rint((dh + dl) * dtype.type(r_ln2))
    q = np.where(np.isfinite(z) & (np.abs(z) < 2**31), z, -(2.0**31)).astype(np.int32)
    dq = q.astype(dtype) if single else z
    sh, sl = _add2_dw1(dh, dl, dq * dtype.type(-l2u))
    sh, sl = _add2_dw1(sh, sl, dq * dtype.type(-l2l))
    t_ = dtype.type
    if single:
        u = np.full_like(sh, f32(0.1980960224e-3))
        for k in (0.1394256484e-2, 0.8333456703e-2, 0.4166637361e-1):
            u = _fma(u, sh, f32(k))
        th, tl = _add2_dw1(*_mul_dw1(sh, sl, u), f32(0.166666659414234244790680580464))
        th, tl = _add2_dw1(*_mul_dw(sh, sl, th, tl), f32(0.5))
        th, tl = _add2_dw(sh, sl, *_mul_dw(*_sqr_dw(sh, sl), th, tl))
    else:
        s2h, s2l = _sqr_dw(sh, sl)
        s4h, s4l = _sqr_dw(s2h, s2l)
        s8 = s4h * s4h
        c = (0.1602472219709932072e-9, 0.2092255183563157007e-8, 0.2505230023782644465e-7,
             0.2755724800902135303e-6, 0.2755731892386044373e-5, 0.2480158735605815065e-4,
             0.1984126984148071858e-3, 0.1388888888886763255e-2, 0.8333333333333347095e-2,
             0.4166666666666669905e-1)  # fmt: skip
        poly8 = _fma(s4h, _poly4(sh, s2h, *c[2:6]), _poly4(sh, s2h, *c[6:10]))
        u = _fma(s8, _poly2(sh, c[0], c[1]), poly8)
        ph, pl = _mul_dw1(sh, sl, np.full_like(sh, 0.1666666666666666574))
        s_ = 0.5 + ph
        th, tl = s_, ((0.5 - s_) + ph) + pl
        for _ in range(2):
            ph, pl = _mul_dw(th, tl, sh, sl)
            s_ = 1.0 + ph
            th, tl = s_, ((1.0 - s_) + ph) + pl
        th, tl = _add_dw(th, tl, *_mul_dw1(s4h, s4l, u))
    if single:
        s_ = f32(1) + th
        th, tl = s_, ((f32(1) - s_) + th) + tl
        th, tl = _ldexp2_f32(th, q), _ldexp2_f32(tl, q)
        low = dh < f32(-104)
    else:
        th, tl = _ldexp2_f64(th, q), _ldexp2_f64(tl, q)
        low = dh < -1000
    return np.where(low, t_(0), th), np.where(low, t_(0), tl)


def _expm1(a: np.ndarray) -> np.ndarray:
    dtype = a.dtype
    t_ = dtype.type
    single = dtype == np.float32
    with np.errstate(all="ignore"):
        eh, el = _expk2(a, np.zeros_like(a))
        dh, dl = _add2_dw1(eh, el, np.full_like(a, -1))
        x = dh + dl
        high, low = (88.72283172607421875, -16.635532333438687426013570) if single else (
            709.782712893383996732223, -36.736800569677101399113302437)  # fmt: skip
        x = np.where(a > t_(high), t_(np.inf), x)
        x = np.where(a < t_(low), t_(-1), x)
        return np.asarray(np.where((a == 0) & np.signbit(a), t_(-0.0), x), dtype=dtype)


_LOG1PF_BOUND = float.fromhex("0x1.2ced32p+126")  # past these, log1p(d) is log(d)
_LOG1P_BOUND = float.fromhex("0x1.c7b1f3cac7433p+1019")


def _log1p(d: np.ndarray) -> np.ndarray:
    dtype = d.dtype
    t_ = dtype.type
    single = dtype == np.float32
    bits, mant, mask, bias = (np.int32, 23, 0xFF, 0x7F) if single else (np.int64, 52, 0x7FF, 0x3FF)
    with np.errstate(all="ignore"):
        dp1 = d + t_(1)
        o = dp1 < np.finfo(dtype).tiny
        dp1 = np.where(o, dp1 * t_(2.0**64), dp1)
        e = (((dp1 * t_(1.0 / 0.75)).view(bits) >> mant) & mask) - bias
        t = ((bias - e).astype(bits) << mant).view(dtype)  # vldexp3(1, -e)
        m = _fma(d, t, t - t_(1))
        ef = np.where(o, e - 64, e).astype(dtype)
        ln2 = _LN2F if single else (t_(_LN2[0]), t_(_LN2[1]))
        sh, sl = _mul_dw1(np.full_like(ef, ln2[0]), np.full_like(ef, ln2[1]), ef)
        two = np.full_like(m, 2)
        bh = two + m
        bl = (two - bh) + m
        xh, xl = _div(m, np.zeros_like(m), bh, bl)
        x2 = xh * xh
        if single:
            p = np.full_like(x2, _LOGF[0])
            p = _fma(p, x2, np.full_like(x2, _LOGF[1]))
            p = _fma(p, x2, np.full_like(x2, _LOGF[2]))
        else:
            x4 = x2 * x2
            x8 = x4 * x4
            c = _LOG
            poly3 = _fma(x4, np.full_like(x2, c[0]), _fma(x2, np.full_like(x2, c[1]), c[2]))
            poly4 = _fma(x4, _fma(x2, np.full_like(x2, c[3]), c[4]), _fma(x2, c[5], c[6]))
            p = _fma(x8, poly3, poly4)
        sh, sl = _add_dw(sh, sl, xh * t_(2), xl * t_(2))
        w = (x2 * xh) * p
        s = sh + w
        r = s + (((sh - s) + w) + sl)
        bound = t_(
            float.fromhex("0x1.2ced32p+126") if single else float.fromhex("0x1.c7b1f3cac7433p+1019")
        )
        r = np.where(d <= bound, r, _log(d))
        r = np.where((d < t_(-1)) | np.isnan(d), t_(np.nan), r)
        r = np.where(d == t_(-1), t_(-np.inf), r)
        return np.asarray(np.where((d == 0) & np.signbit(d), t_(-0.0), r), dtype=dtype)


def expm1f_u10(x: np.ndarray) -> np.ndarray:
    """`Sleef_expm1f8_u10` (xexpm1f) on float32 lanes."""
    return _expm1(np.asarray(x, dtype=f32))


def expm1_u10(x: np.ndarray) -> np.ndarray:
    """`Sleef_expm1d4_u10` (xexpm1) on float64 lanes."""
    return _expm1(np.asarray(x, dtype=np.float64))


def log1pf_u10(x: np.ndarray) -> np.ndarray:
    """`Sleef_log1pf8_u10` (xlog1pf) on float32 lanes."""
    return _log1p(np.asarray(x, dtype=f32))


def log1p_u10(x: np.ndarray) -> np.ndarray:
    """`Sleef_log1pd4_u10` (xlog1p) on float64 lanes."""
    return _log1p(np.asarray(x, dtype=np.float64))
