"""Golden fixtures for the playground's examples: what real PyTorch prints for each program.

Run with the scratch torch virtualenv (torch is never a project dependency):

    /work/scratch/torchenv/bin/python tools/golden/gen_examples.py

It writes tests/app/fixtures/examples_torch.json: per example slug, the printed output and the
error that stopped the program (type, message, line) or null. The programs are our own
examples from app/examples.py, run as a script by real Python; the app never does this.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "app" / "fixtures" / "examples_torch.json"
sys.path.insert(0, str(ROOT))

from app.examples import EXAMPLES  # noqa: E402


def run(slug: str, code: str) -> dict[str, Any]:
    """Runs like Python's interactive interpreter: each top-level statement in 'single' mode,
    so expression statements (also inside loops) print their repr, as the app's interpreter does."""
    out = io.StringIO()
    error = None
    scope: dict[str, Any] = {"__name__": "__example__"}
    with contextlib.redirect_stdout(out):
        try:
            for statement in ast.parse(code).body:
                single = ast.Interactive(body=[statement])
                exec(compile(single, f"<{slug}>", "single"), scope)
        except Exception as exc:
            frames = [
                f for f in traceback.extract_tb(exc.__traceback__) if f.filename == f"<{slug}>"
            ]
            line = frames[-1].lineno if frames else None
            error = {"type": type(exc).__name__, "message": str(exc), "line": line}
    return {"stdout": out.getvalue(), "error": error}


def main() -> None:
    import torch

    torch.manual_seed(0)
    cases = {example.slug: run(example.slug, example.code) for example in EXAMPLES}
    payload = {"torch_version": torch.__version__, "examples": cases}
    OUT.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(cases)} examples)")


if __name__ == "__main__":
    main()
