"""Tensor printing against real PyTorch 2.13 (fixtures from tools/golden/gen_tensor_str.py)."""

from __future__ import annotations

import contextvars
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine import tensor_str
from engine.dtypes import ALL_DTYPES, float32
from engine.tensor_str import format_tensor, get_printoptions, set_printoptions

FIXTURE = Path(__file__).parent / "fixtures" / "tensor_str.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
DTYPES = {d.name: d for d in ALL_DTYPES}


def rebuild(case: dict[str, Any]) -> np.ndarray:
    """The exact array torch printed: floats parse from their shortest round-trip text."""
    dtype = DTYPES[case["dtype"]]
    if dtype.is_floating_point:
        flat = np.array(case["values"], dtype=np.float64).astype(dtype.np)
    else:
        flat = np.array(case["values"], dtype=dtype.np)
    return flat.reshape(case["shape"])


def decode_options(options: dict[str, Any]) -> dict[str, Any]:
    return {k: (math.inf if v == "inf" else v) for k, v in options.items()}


def print_like_torch(case: dict[str, Any]) -> tuple[str, str]:
    """repr and get_printoptions() after the case's set_printoptions calls, in a fresh context."""

    def run() -> tuple[str, str]:
        for options in case["options"]:
            set_printoptions(**decode_options(options))
        text = format_tensor(rebuild(case), DTYPES[case["dtype"]], case["suffixes"])
        return text, repr(get_printoptions())

    return contextvars.copy_context().run(run)


def test_fixture_covers_the_brief() -> None:
    assert len(CASES) >= 300
    assert {c["dtype"] for c in CASES} >= {"float32", "float64", "int64", "bool"}
    assert any("\n" in c["expected"] and c["suffixes"] for c in CASES)
    assert any("..." in c["expected"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_repr_matches_torch(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    default = DTYPES[case["default_dtype"]]
    monkeypatch.setattr(tensor_str, "get_default_dtype", lambda: default)
    text, options = print_like_torch(case)
    assert text == case["expected"]
    assert options == case["printoptions"]


def test_float32_prints_its_own_value_not_the_decimal_typed() -> None:
    # float32(0.1) is 0.100000001490116…; torch prints that value, so 8 decimals show it
    def run() -> str:
        set_printoptions(precision=8)
        return format_tensor(np.array([0.1], dtype=np.float32), float32)

    assert contextvars.copy_context().run(run) == "tensor([0.10000000])"

    def run_more() -> str:
        set_printoptions(precision=10)
        return format_tensor(np.array([0.1], dtype=np.float32), float32)

    assert contextvars.copy_context().run(run_more) == "tensor([0.1000000015])"


def test_print_options_stay_in_their_context() -> None:
    def other_program() -> str:
        set_printoptions(precision=1, sci_mode=True)
        return format_tensor(np.array([1.25], dtype=np.float32), float32)

    assert contextvars.copy_context().run(other_program) == "tensor([1.2e+00])"
    assert get_printoptions() == {
        "precision": 4,
        "threshold": 1000,
        "edgeitems": 3,
        "linewidth": 80,
        "sci_mode": None,
    }
    assert format_tensor(np.array([1.25], dtype=np.float32), float32) == "tensor([1.2500])"
