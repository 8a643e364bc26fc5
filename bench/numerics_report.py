"""Numerics report: elements that differ from torch 2.13's bits, per op, before and after.

Runs every case of tools/golden/cpu_cases.py (fixture: tests/engine/fixtures/cpu_kernels.json)
on two engines in the same run: BEFORE, the engine as of a baseline commit (by default the
commit just before `engine/cpu` was added, i.e. numpy's kernels), extracted with `git archive`
into a temporary directory, and AFTER, this checkout's engine. Each runs in its own
interpreter, so the two cannot share state. Forward values and gradients are counted apart.

    python bench/numerics_report.py [--baseline REF] [--json]
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tools" / "golden"
FIXTURE = ROOT / "tests" / "engine" / "fixtures" / "cpu_kernels.json"


def worker(engine_root: str) -> None:
    """Child mode: mismatch counts of every case on the engine found under `engine_root`."""
    sys.path[:0] = [engine_root, str(GOLDEN)]
    import cpu_cases

    import engine

    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
    runner = cpu_cases.CaseRunner(engine)
    rows: list[dict[str, Any]] = []
    for case, expected in zip(cpu_cases.all_cases(), stored, strict=True):
        try:
            outputs = runner.run(case)
        except Exception as error:  # the baseline may lack an op, or fail on a shape
            rows.append({"name": case["name"], "error": type(error).__name__})
            continue
        counts = [
            cpu_cases.mismatches(o, s) for o, s in zip(outputs, expected["outputs"], strict=True)
        ]
        rows.append({"name": case["name"], "counts": counts})
    print(json.dumps(rows))


def baseline_commit(ref: str | None) -> str:
    if ref:
        return ref
    added = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "-1", "--", "engine/cpu/__init__.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    return f"{added}^" if added else "HEAD"


def extract(ref: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "engine"], cwd=ROOT, capture_output=True,
        check=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def measure(engine_root: Path) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(engine_root)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def op_of(name: str) -> tuple[str, str]:
    op, dtype = name.split(" ")[0].split("/")
    return op, dtype


def summarise(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows of (op, dtype, part, elements, before, after); `n/a` where the op failed."""
    table: dict[tuple[str, str, str], list[Any]] = collections.defaultdict(lambda: [0, 0, 0])
    for b, a in zip(before, after, strict=True):
        op, dtype = op_of(a["name"])
        for part_index in range(max(len(a.get("counts", [])), len(b.get("counts", [])), 1)):
            part = "forward" if part_index == 0 else "grad"
            row = table[(op, dtype, part)]
            counts_a = a.get("counts")
            counts_b = b.get("counts")
            if counts_a is not None and part_index < len(counts_a):
                row[0] += counts_a[part_index][1]
                row[2] = "n/a" if row[2] == "n/a" else row[2] + counts_a[part_index][0]
            else:
                row[2] = "n/a"
            if counts_b is not None and part_index < len(counts_b):
                row[1] = "n/a" if row[1] == "n/a" else row[1] + counts_b[part_index][0]
            else:
                row[1] = "n/a"
    return [[*key, *value] for key, value in sorted(table.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git ref of the BEFORE engine")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    ref = baseline_commit(args.baseline)
    with tempfile.TemporaryDirectory() as tmp:
        extract(ref, Path(tmp))
        before = measure(Path(tmp))
    after = measure(ROOT)
    rows = summarise(before, after)
    if args.json:
        print(json.dumps(rows))
        return
    commit = subprocess.run(
        ["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"elements differing from torch 2.13 (BEFORE = engine at {commit}, AFTER = this tree)")
    print(f"{'op':<14}{'dtype':<9}{'part':<9}{'elements':>10}{'before':>10}{'after':>10}")
    for op, dtype, part, elements, b, a in rows:
        print(f"{op:<14}{dtype:<9}{part:<9}{elements:>10}{b!s:>10}{a!s:>10}")
    totals = [sum(r[i] for r in rows if isinstance(r[i], int)) for i in (3, 4, 5)]
    print(f"{'total':<32}{totals[0]:>10}{totals[1]:>10}{totals[2]:>10}")


if __name__ == "__main__":
    main()
