"""The engine's golden corpus through POST /api/run: the sandbox prints what real PyTorch printed.

Expected results are tests/golden/expected.json, recorded from PyTorch 2.13 by
tools/golden/generate.py; memory addresses are the only thing normalised. The server runs with
the shipped limits (the corpus includes long graphs that a shortened time limit could cut).
"""

from __future__ import annotations

import importlib.util
import re
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.main import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette deprecates its httpx-based TestClient
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "golden" / "programs"


def _cpu_fixture() -> types.ModuleType:
    """tools/ is not a package: load the per-CPU fixture reader from its file."""
    path = ROOT / "tools" / "golden" / "cpu_fixture.py"
    spec = importlib.util.spec_from_file_location("golden_cpu_fixture", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# torch's output as recorded on a machine of this kind (MKL's kernels depend on the CPU)
EXPECTED_FILE = ROOT / "tests" / "golden" / "expected.json"
EXPECTED: dict[str, Any] = _cpu_fixture().load_programs(EXPECTED_FILE)["programs"]
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
PROGRAM_PATHS = sorted(p.relative_to(PROGRAMS).as_posix() for p in PROGRAMS.glob("*/*.py"))


@pytest.fixture(scope="module")
def shipped_api() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(workers=2, rate_limit_enabled=False))) as client:
        yield client


def normalised(result: dict[str, Any]) -> dict[str, Any]:
    error = result["error"]
    return {
        "stdout": ADDRESS.sub("0x…", result["stdout"]),
        "error": None
        if error is None
        else {
            "type": error["type"],
            "message": ADDRESS.sub("0x…", error["message"]),
            "line": error["line"],
        },
        "warnings": [
            {
                "category": w["category"],
                "message": ADDRESS.sub("0x…", w["message"]),
                "line": w["line"],
            }
            for w in result["warnings"]
        ],
    }


def test_every_program_has_an_expected_result() -> None:
    assert PROGRAM_PATHS
    assert sorted(EXPECTED) == PROGRAM_PATHS


@pytest.mark.parametrize("path", PROGRAM_PATHS)
def test_corpus_program_through_api_matches_pytorch(shipped_api: TestClient, path: str) -> None:
    source = (PROGRAMS / path).read_text(encoding="utf-8")
    response = shipped_api.post("/api/run", json={"code": source})
    assert response.status_code == 200
    assert normalised(response.json()) == normalised(EXPECTED[path])
