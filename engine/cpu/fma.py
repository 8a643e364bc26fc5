"""Fused multiply-add as PyTorch's x86-64 kernels compute it: `a * b + c` rounded once.

PyTorch's CPU kernels are compiled with FMA enabled, so expressions such as `x * std + mean`,
`start + step * i` or `1 - y * y` become one fused multiply-add, which differs in the last bit
from a multiply then an add. numpy has no FMA, so these emulate it with error-free
transformations: the same bits on every machine numpy runs on.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def _two_sum(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """s + e == a + b exactly, with s the rounded sum (Knuth)."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _round_to_odd_sum(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a + b rounded to odd: an inexact sum keeps an odd last bit, so a later rounding to fewer
    bits cannot round twice (Boldo and Melquiond)."""
    s, e = _two_sum(a, b)
    even = (s.view(np.int64) & 1) == 0
    nudge = np.nextafter(s, np.where(e > 0, np.inf, -np.inf))
    return np.where((e != 0) & even, nudge, s)


def _split(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = a * 134217729.0  # 2**27 + 1: Veltkamp's split into two 26-bit halves
    hi = c - (c - a)
    return hi, a - hi


def fma64(a: npt.ArrayLike, b: npt.ArrayLike, c: npt.ArrayLike) -> np.ndarray:
    """float64 a * b + c with one rounding (Dekker's exact product, then a round-to-odd sum)."""
    x, y, z = np.broadcast_arrays(*(np.asarray(v, np.float64) for v in (a, b, c)))
    p = x * y
    xh, xl = _split(x)
    yh, yl = _split(y)
    p_err = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl
    high, low = _two_sum(z, p)
    result: np.ndarray = high + _round_to_odd_sum(low, p_err)
    return result


def fma32(a: npt.ArrayLike, b: npt.ArrayLike, c: npt.ArrayLike) -> np.ndarray:
    """float32 a * b + c with one rounding. The float64 product of two float32s is exact; the
    float64 sum then rounds once more, which only matters when it lands exactly on a midpoint
    between two float32s (rare): there a round-to-odd sum decides."""
    p = np.multiply(a, b, dtype=np.float64)
    z = np.asarray(c, dtype=np.float64)
    s = p + z
    ties = (s.view(np.int64) & 0x1FFFFFFF) == 0x10000000
    if ties.any():
        s = np.where(ties, _round_to_odd_sum(*np.broadcast_arrays(p, z)), s)
    result: np.ndarray = s.astype(np.float32)
    return result
