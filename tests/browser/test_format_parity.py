"""The browser writes values as the server does: static/js/format.js against app/format.py.

The page rewrites a grad cell of the server-drawn SVG as the learner steps (`formatValue`), so a
value must read the same in both. Each case runs through the Python formatter here and through
format.js in a real Chromium, loaded by the page itself.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from playwright.sync_api import Page

from app.contract import Value
from app.format import label_number, label_text

pytestmark = pytest.mark.browser

FLOATS = [
    0.0, -0.0, 1.0, 2.0, -3.0, 0.5, 0.1, 0.123456, -0.123456, 1 / 3, 2 / 3, 9.9999, 99.995,
    1234.5, 12345.678, 123456.7, 999999.0, 1e6, 1e7, -2.5e6, 1e-4, 1.5e-5, 1e-8, -3.25e-12,
    6.02e23, 1.7976931348623157e308, 5e-324, 0.00099999, 1.0000001, 4503599627370497.0,
    # exact ties at the 4th digit: Python rounds them to even
    1.0625, 3.1875, 0.0078125, -1234.5, 1235.5, 2.5e-5 * 0.5, 12.3125,
]  # fmt: skip
INTEGERS = [0, 1, -1, 7, 42, 1000000, -123456789, 2**40]
OTHERS: list[Value] = [True, False, "nan", "inf", "-inf"]
VALUES: list[Value] = [
    *FLOATS,
    *OTHERS,
    None,
    [],
    [1.0, 2.0],
    [0.1, -0.0, "nan", 1e-8],
    [[1.0, 2.0], [3.0, 4.0]],
    [float(i) for i in range(10)],
    [[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]],
    [[[1.0]], [[2.0]]],
    [True, False, True],
    [[True, False, True, False, True]],
    {"summary": True, "shape": [100, 100], "numel": 10000, "min": -1.5, "max": 2.0,
     "mean": 0.01, "head": [1.0, 2.0]},
    {"summary": True, "shape": [65], "numel": 65, "min": None, "max": None, "mean": None,
     "head": ["nan"]},
    {"summary": True, "shape": [8, 9], "numel": 72, "min": 1e-8, "max": 123456.7,
     "mean": 3.0, "head": []},
]  # fmt: skip

FORMAT_IN_PAGE = """async (cases) => {
  const format = await import("/static/js/format.js");
  const { floats, integers, values } = JSON.parse(cases);
  return {
    floats: floats.map((x) => format.formatNumber(x)),
    integers: integers.map((x) => format.formatNumber(x, true)),
    values: values.map((v) => format.formatValue(v)),
  };
}"""


def test_format_js_writes_every_value_as_the_server_does(page: Page) -> None:
    assert all(math.isfinite(x) for x in FLOATS)  # non-finite values travel as strings
    page.goto("/")
    cases = json.dumps({"floats": FLOATS, "integers": INTEGERS, "values": VALUES})
    written: dict[str, list[str]] = page.evaluate(FORMAT_IN_PAGE, cases)
    expected: dict[str, list[Any]] = {
        "floats": [label_number(x) for x in FLOATS],
        "integers": [label_number(x) for x in INTEGERS],
        "values": [label_text(v) for v in VALUES],
    }
    for kind, texts in expected.items():
        mismatches = [
            (case, python, js)
            for case, python, js in zip(
                {"floats": FLOATS, "integers": INTEGERS, "values": VALUES}[kind],
                texts,
                written[kind],
                strict=True,
            )
            if python != js
        ]
        assert mismatches == [], f"{kind}: {mismatches}"
