"""Tensor values from the run JSON as short text: the one formatter for the ledger and the graph.

Two precisions, one set of rules:

- `ledger_text` writes each number as the JSON holds it (already the shortest text that round-
  trips at the tensor's precision: `0.1`, `2.0`, `1e-08`), for the chain-rule lines
  `∂y/∂w = x = 1.0`; a value of more than a few elements has no ledger text (`None`).
- `label_text` writes numbers as Python's `"{:.4g}"` with integral floats as `2.0` (`0.1235`,
  `1e-08`, `-0.0`), at most MAX_LABEL_ELEMENTS of them, for the graph's node labels.

`static/js/format.js` is the browser's copy of the label precision (`formatNumber`,
`formatValue`: the page rewrites a grad cell of the SVG as it steps); the browser test
`tests/browser/test_format_parity.py` runs both over the same cases.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from app.contract import Number, Value

# Elements a graph label shows before it summarises (format.js: LABEL_ELEMENTS).
MAX_LABEL_ELEMENTS: Final = 4
# Elements a ledger line shows; a bigger value gets no number in its line.
MAX_LEDGER_ELEMENTS: Final = 4


def exact_number(x: Number) -> str:
    """A JSON number as the ledger writes it: as held (`0.1`, `2.0`, `nan`), bools as Python."""
    if isinstance(x, bool):
        return "True" if x else "False"
    return str(x)


def label_number(x: Number | None) -> str:
    """A JSON number as the graph labels write it: `2.0`, `0.1235`, `1e-08`, `nan`, `True`."""
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if math.isfinite(x) and x.is_integer() and abs(x) < 1e6:
            return f"{x:.1f}"
        return f"{x:.4g}"
    return str(x)  # "nan", "inf", "-inf" (and None, for a summary without finite elements)


def ledger_text(value: Value, max_elements: int = MAX_LEDGER_ELEMENTS) -> str | None:
    """Short plain text of a value for the ledger ("2.0", "[1.0, 2.0]"); None if too big."""
    if isinstance(value, dict) or value is None:
        return None
    if isinstance(value, list):
        if len(flatten(value)) > max_elements:
            return None
        return nested_text(value, exact_number)
    return exact_number(value)


def label_text(value: Value) -> str:
    """Short text of a value for a graph label (number, nested list, summary object, None)."""
    if value is None:
        return "None"
    if isinstance(value, dict):
        dims = "×".join(str(d) for d in value["shape"])
        return f"[{dims}] {label_number(value['min'])}…{label_number(value['max'])}"
    if not isinstance(value, list):
        return label_number(value)
    flat = flatten(value)
    if len(flat) <= MAX_LABEL_ELEMENTS:
        return nested_text(value, label_number)
    head = ", ".join(label_number(x) for x in flat[:MAX_LABEL_ELEMENTS])
    return f"[{head}, …] ({'×'.join(str(d) for d in shape_of(value))})"


def flatten(value: list[Value]) -> list[Number]:
    """The numbers of a nested-list value in order (iteratively: any depth)."""
    out: list[Number] = []
    stack: list[Value] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif item is not None and not isinstance(item, dict):
            out.append(item)
    return out


def shape_of(value: Value) -> list[int]:
    """The shape of a nested-list value ([] for a number)."""
    shape: list[int] = []
    level = value
    while isinstance(level, list):
        shape.append(len(level))
        level = level[0] if level else None
    return shape


def nested_text(value: Value, number: Callable[[Number], str]) -> str:
    """`[[1.0, 2.0], [3.0, 4.0]]` with each number written by `number`."""
    if isinstance(value, list):
        return "[" + ", ".join(nested_text(item, number) for item in value) + "]"
    if value is None or isinstance(value, dict):
        return "None"
    return number(value)
