"""Every construct the interpreter supports, run in-process and compared with real PyTorch.

The expected transcripts, errors and warnings in fixtures/interpreter_cases.json were recorded
from PyTorch 2.13 in Python's interactive mode (fixtures/make_interpreter_cases.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.worker.program import run_program

CASES: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "interpreter_cases.json").read_text()
)
_ADDRESS = re.compile(r"0x[0-9a-f]+")


def normalise(text: str) -> str:
    return _ADDRESS.sub("0x…", text)


def outcome(
    stdout: str, error: dict[str, Any] | None, warnings: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "stdout": normalise(stdout),
        "error": None
        if error is None
        else {"type": error["type"], "message": normalise(error["message"]), "line": error["line"]},
        "warnings": [
            {"category": w["category"], "message": w["message"], "line": w["line"]}
            for w in warnings
        ],
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_program_matches_pytorch(name: str) -> None:
    case = CASES[name]
    result = run_program(case["source"])
    expected = outcome(case["stdout"], case["error"], case["warnings"])
    assert outcome(result["stdout"], result["error"], result["warnings"]) == expected
