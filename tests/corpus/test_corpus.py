"""The real-world corpus through POST /api/run: what passes today keeps passing, exactly.

Programs are whole teaching files from public sources (tests/corpus/README.md); their goldens
come from torch 2.13 (tools/corpus/generate.py). The server runs with the shipped limits. Every
program in tests/corpus/passing.json must give torch's stdout, first error and warnings exactly
(a regression fails); a program that starts passing must be added to that list (run
`tools/corpus/report.py --update-passing`), so the list is always the truth. The pass-rate
target (≥ 95 %) is asserted by whoever reaches it; tests/corpus/REPORT.md shows where we are.
"""

from __future__ import annotations

import importlib.util
import sys
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

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "corpus"


def load(name: str) -> types.ModuleType:
    """tools/ is not a package: load a corpus module from its file."""
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sys.path.insert(0, str(TOOLS))  # cause.py imports compare.py by name, as the report runs it
corpus = load("corpus")
compare = load("compare")
cause = load("cause")
MANIFEST = corpus.manifest()
GOLDEN = corpus.goldens()
INCLUDED = corpus.included()
PASSING = corpus.passing()


@pytest.fixture(scope="module")
def results() -> Iterator[dict[str, dict[str, Any]]]:
    """Every included program through /api/run once (two workers, the shipped limits)."""
    with TestClient(create_app(Settings(workers=2, rate_limit_enabled=False))) as client:

        def post(code: str) -> tuple[int, Any]:
            response = client.post("/api/run", json={"code": code})
            return response.status_code, response.json()

        yield corpus.run_through_api(post, INCLUDED)


def test_corpus_is_as_big_and_as_varied_as_promised() -> None:
    sources = {entry["source"] for entry in MANIFEST}
    chinese = {entry["source"] for entry in MANIFEST if entry["lang"] == "zh"}
    assert len(MANIFEST) >= 300
    assert len(sources) >= 12
    assert len(chinese) >= 3
    assert len(INCLUDED) >= 150


def test_every_program_is_recorded_with_its_origin_and_fate() -> None:
    for entry in MANIFEST:
        # a file read from the index and excluded by its imports is recorded, not stored
        stored = entry.get("stored", True)
        assert (corpus.PROGRAMS / f"{entry['id']}.py").is_file() == stored, entry["id"]
        assert stored or entry["status"] == "excluded", entry["id"]
        assert entry["url"].startswith(f"https://github.com/{entry['repo']}/"), entry["id"]
        assert entry["license"] and entry["commit"] and entry["category"], entry["id"]
        if entry["status"] == "excluded":
            assert entry["reason"], entry["id"]
    assert sorted(GOLDEN) == sorted(INCLUDED)


def test_passing_list_names_only_included_programs() -> None:
    assert sorted(set(PASSING)) == PASSING
    assert set(PASSING) <= set(INCLUDED)


@pytest.mark.parametrize("program_id", PASSING)
def test_program_still_gives_torchs_output(
    results: dict[str, dict[str, Any]], program_id: str
) -> None:
    assert compare.first_difference(results[program_id], GOLDEN[program_id]) is None


def test_every_program_that_passes_is_listed(results: dict[str, dict[str, Any]]) -> None:
    now_passing = {
        program_id
        for program_id, result in results.items()
        if compare.first_difference(result, GOLDEN[program_id]) is None
    }
    unlisted = sorted(now_passing - set(PASSING))
    assert not unlisted, (
        f"{len(unlisted)} programs now give torch's output: list them with "
        f"`.venv/bin/python tools/corpus/report.py --update-passing` ({unlisted[:5]})"
    )


def test_a_difference_is_found_and_named() -> None:
    golden = {"stdout": "tensor([1., 2.])\n", "error": None, "warnings": []}
    assert compare.first_difference(dict(golden), golden) is None
    other = {"stdout": "tensor([1., 3.])\n", "error": None, "warnings": []}
    assert "line 1" in compare.first_difference(other, golden)
    addressed = {"stdout": "<MulBackward0 object at 0x7f00aa>\n", "error": None, "warnings": []}
    moved = {"stdout": "<MulBackward0 object at 0x7f11bb>\n", "error": None, "warnings": []}
    assert compare.first_difference(addressed, moved) is None
    long_run = {"stdout": "x\n" * 60_000, "error": None, "warnings": []}
    stored = compare.digest_long_stdout(long_run)
    assert "stdout" not in stored
    assert compare.first_difference(long_run, stored) is None
    assert compare.first_difference({**long_run, "stdout": "x\n" * 59_999}, stored) is not None


def last_refused_line(source: str) -> dict[str, Any] | None:
    """A stand-in for the sandbox's check, which names the *last* refused construct."""
    lines = [n for n, line in enumerate(source.splitlines(), start=1) if "refused" in line]
    if not lines:
        return None
    return {
        "type": "NotAllowed",
        "message": f"importing 'numpy' is not allowed (line {lines[-1]})",
        "line": lines[-1],
    }


def test_the_blocking_cause_is_the_first_refused_statement_in_line_order() -> None:
    code = "import torch\nx = 1  # refused\ny = 2\nfor i in range(3):\n    z = i  # refused\n"
    assert last_refused_line(code)["line"] == 5
    found = cause.first_refusal(code, last_refused_line)
    assert found is not None and found["line"] == 2
    assert cause.refusal_group(found["message"])[0] == "numpy"
    assert len(cause.all_refusals(code, last_refused_line)) == 1  # one group, counted once
    assert cause.first_refusal("import torch\nx = 1\n", last_refused_line) is None


def test_refusals_are_grouped_as_the_to_do_list_names_them() -> None:
    groups = {
        ("importing 'numpy' is not allowed (line 2)", ""): "numpy",
        ("the attribute '.array' is not allowed (line 3)", "a = np.array([1, 2])"): "numpy",
        ("a class definition is not allowed (line 3)", ""): "class statements",
        ("the attribute '.step' is not allowed (line 9)", "    opt.step()"): "optim",
        ("the attribute '.Linear' is not allowed (line 4)", "m = nn.Linear(2, 1)"): "nn modules",
        ("the attribute '.xavier_uniform_' is not allowed", "nn.init.xavier_uniform_(w)"): (
            "nn.init"
        ),
        ("the attribute '.is_available' is not allowed", "if torch.cuda.is_available():"): (
            "devices"
        ),
        ("the attribute '.format' is not allowed (line 5)", ""): "str.format / % formatting",
        ("a lambda expression is not allowed (line 7)", ""): "lambda / star-unpacking",
        ("importing from 'collections' is not allowed (line 1)", ""): "imports beyond",
        ("the attribute '__version__' is not allowed (line 1)", ""): "public `_`-names",
    }
    for (message, line), group in groups.items():
        assert cause.refusal_group(message, line)[0].startswith(group), message
