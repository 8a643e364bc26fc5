"""The committed real-world corpus: its manifest, goldens and programs, and runs through /api/run.

Shared by the test (tests/corpus/test_corpus.py) and the report (tools/corpus/report.py), so
both run and judge the programs in one way. Stdlib only (the caller brings the HTTP client).
"""

from __future__ import annotations

import concurrent.futures
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
PROGRAMS = CORPUS / "programs"
MANIFEST = CORPUS / "manifest.json"
GOLDEN = CORPUS / "golden.json"
PASSING = CORPUS / "passing.json"

# POST /api/run with a program's code: (HTTP status, JSON body or None)
Post = Callable[[str], tuple[int, Any]]


def manifest() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["programs"]
    return entries


def goldens() -> dict[str, Any]:
    programs: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))["programs"]
    return programs


def passing() -> list[str]:
    names: list[str] = json.loads(PASSING.read_text(encoding="utf-8"))["programs"]
    return names


def code_of(program_id: str) -> str:
    return (PROGRAMS / f"{program_id}.py").read_text(encoding="utf-8")


def included() -> list[str]:
    return [entry["id"] for entry in manifest() if entry["status"] == "included"]


def http_result(status: int, body: Any) -> dict[str, Any]:
    """A non-200 answer (413 for a program over the body limit) as a result with an error."""
    if status == 200:
        result: dict[str, Any] = body
        return result
    detail = body.get("detail") if isinstance(body, dict) else None
    return {
        "stdout": "",
        "error": {"type": f"HTTP {status}", "message": str(detail), "line": None},
        "warnings": [],
    }


def run_through_api(post: Post, ids: list[str], parallel: int = 2) -> dict[str, dict[str, Any]]:
    """Every program through POST /api/run, `parallel` at a time (the pool's worker count)."""

    def one(program_id: str) -> dict[str, Any]:
        status, body = post(code_of(program_id))
        return http_result(status, body)

    with concurrent.futures.ThreadPoolExecutor(max_workers=parallel) as executor:
        return dict(zip(ids, executor.map(one, ids), strict=True))
