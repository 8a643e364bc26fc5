"""Dev tool: run every lesson cell under real PyTorch 2.13 and compare with what the lesson says.

    .venv/bin/python tools/lessons_check.py            # report problems, exit 1 if any
    .venv/bin/python tools/lessons_check.py --show     # also print every cell's output
    .venv/bin/python tools/lessons_check.py --fix-outputs   # rewrite ``output`` blocks from torch

Checks: no error unless the cell declares `expect-error=Type`, and then exactly that type;
declared warnings appear; an ``output`` block equals torch's stdout (plus ``Type: message`` for a
declared error). Torch lives outside the project (see HELPER_RULES); set TORCH_PYTHON to move it.
Not a test: tests run the same cells through /api/run and compare with the ``output`` blocks.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.lessons.course import LANGUAGES, load_course  # noqa: E402
from app.lessons.document import Cell, Lesson  # noqa: E402

TORCH_PYTHON = os.environ.get("TORCH_PYTHON", "/work/scratch/torchenv/bin/python")
RUNNER = Path(__file__).resolve().parent / "lessons_torch_runner.py"


def expected_transcript(result: dict[str, Any]) -> str:
    """What an ``output`` block holds for a run: stdout, then ``Type: message`` if it failed."""
    text = str(result["stdout"])
    if result["error"]:
        text += f"{result['error']['type']}: {result['error']['message']}\n"
    return text


def problems(cell: Cell, result: dict[str, Any]) -> list[str]:
    """What the lesson claims about `cell` that torch contradicts."""
    found: list[str] = []
    error = result["error"]
    if error and error["type"] != cell.expect_error:
        found.append(f"raised {error['type']} (line {error['line']}): {error['message']}")
    if cell.expect_error and not error:
        found.append(f"declares {cell.expect_error} but ran without error")
    categories = [warning["category"] for warning in result["warnings"]]
    if cell.expect_warning and cell.expect_warning not in categories:
        found.append(f"declares {cell.expect_warning} but torch warned {categories}")
    if cell.output is not None and cell.output != expected_transcript(result):
        found.append(
            "output block differs:\n--- lesson\n"
            + cell.output
            + "--- torch\n"
            + expected_transcript(result)
        )
    return found


def fix_outputs(lesson: Lesson, results: list[dict[str, Any]]) -> bool:
    """Rewrite the lesson's ``output`` blocks in place with torch's transcript."""
    lines = lesson.path.read_text(encoding="utf-8").split("\n")
    cell_index = -1
    changed = False
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("```python"):
            cell_index += 1
        if stripped == "```output":
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
            fresh = expected_transcript(results[cell_index]).rstrip("\n").split("\n")
            if lines[i + 1 : end] != fresh:
                lines[i + 1 : end] = fresh
                changed = True
            i += len(fresh) + 1
        i += 1
    if changed:
        lesson.path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every cell's torch output")
    parser.add_argument("--fix-outputs", action="store_true", help="rewrite output blocks")
    parser.add_argument("--only", help="only lessons whose slug contains this")
    args = parser.parse_args()

    lessons = [
        lesson
        for lang in LANGUAGES
        for lesson in load_course(lang).lessons
        if not args.only or args.only in lesson.slug
    ]
    sources = [cell.code for lesson in lessons for cell in lesson.cells]
    run = subprocess.run(
        [TORCH_PYTHON, str(RUNNER)],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        check=True,
    )
    results: list[dict[str, Any]] = json.loads(run.stdout)
    failures = 0
    position = 0
    for lesson in lessons:
        mine = results[position : position + len(lesson.cells)]
        position += len(lesson.cells)
        where = f"{lesson.path.parent.name}/{lesson.path.name}"
        for cell, result in zip(lesson.cells, mine, strict=True):
            if args.show:
                print(f"==== {where} cell {cell.index}\n{cell.code}---- torch")
                print(expected_transcript(result), end="")
                for warning in result["warnings"]:
                    print(f"[{warning['category']}] {warning['message']}")
            for problem in problems(cell, result):
                failures += 1
                print(f"{where} cell {cell.index}: {problem}")
        if args.fix_outputs and fix_outputs(lesson, mine):
            print(f"{where}: output blocks rewritten")
    total = len(sources)
    print(f"{total} cells in {len(lessons)} lesson files; {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
