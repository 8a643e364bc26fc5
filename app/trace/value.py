"""The JSON form of tensor values: nested lists, non-finite numbers as strings, summaries.

A value is a bare number for a 0-d array, nested lists otherwise. Non-finite floats become the
strings "nan", "inf", "-inf" (JSON has no literal for them). An array with more elements than the
limit becomes a summary object instead, so one huge tensor cannot blow up the response:

    {"summary": true, "shape": [100, 100], "numel": 10000,
     "min": -1.5, "max": 2.0, "mean": 0.01, "head": [first HEAD_ELEMENTS values, flattened]}
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np

from app.contract import Number, Statistic, Value, ValueSummary, finite_or_text

# Elements shown before a value is summarised (graph node data/grad, step values).
MAX_ELEMENTS: Final = 64
# Flattened elements a summary still shows.
HEAD_ELEMENTS: Final = 6
# Characters of a repr kept in the JSON.
MAX_TEXT: Final = 1000


def number_json(x: Any) -> Number:
    """One array element as JSON: shortest round-trip text for floats of the array's precision."""
    if isinstance(x, np.bool_ | bool):
        return bool(x)
    if isinstance(x, np.integer | int):
        return int(x)
    f = finite_or_text(float(x))
    if isinstance(f, str):
        return f
    if isinstance(x, np.float32 | np.float16):
        # float(np.float32(0.1)) is 0.10000000149011612; str() gives numpy's shortest "0.1"
        return float(str(x))
    return f


def clipped_text(text: str, limit: int = MAX_TEXT) -> str:
    """`text`, cut to `limit` characters with `…` when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_json(array: Any, max_elements: int = MAX_ELEMENTS) -> Value:
    """`array` (numpy array, scalar, or None) as JSON; None stays None (never confused with 0)."""
    if array is None:
        return None
    a = np.asarray(array)
    if a.size > max_elements:
        return summary_json(a)
    if a.size == 0:
        empty: list[Value] = a.tolist()  # nested empty lists of the right depth
        return empty
    flat: list[Value] = [number_json(v) for v in a.reshape(-1)]
    return _nest(flat, a.shape)


def summary_json(a: np.ndarray) -> ValueSummary:
    """Shape, size, min/max/mean (over finite values) and the first few values of a big array."""
    flat = a.reshape(-1)
    finite = flat[np.isfinite(flat)] if a.dtype.kind in "fc" else flat
    low: Statistic = None
    high: Statistic = None
    mean: Statistic = None
    if finite.size:
        f64 = finite.astype(np.float64)
        low, high, mean = number_json(f64.min()), number_json(f64.max()), number_json(f64.mean())
    return {
        "summary": True,
        "shape": list(a.shape),
        "numel": int(a.size),
        "min": low,
        "max": high,
        "mean": mean,
        "head": [number_json(v) for v in flat[:HEAD_ELEMENTS]],
    }


def _nest(flat: list[Value], shape: tuple[int, ...]) -> Value:
    if not shape:
        return flat[0]
    # build from the innermost dimension outwards; no recursion over rank
    rows: list[Any] = flat
    for dim in reversed(shape[1:]):
        rows = [rows[i : i + dim] for i in range(0, len(rows), dim)]
    return rows
