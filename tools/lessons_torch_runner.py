"""Dev tool, run by tools/lessons_check.py under REAL PyTorch: runs lesson cells, prints JSON.

Reads a JSON list of cell sources on stdin. Each cell runs in a fresh namespace the way Python's
interactive interpreter runs it (every top-level statement compiled in 'single' mode, so a bare
expression prints its repr). This runs our own lesson content, never user code, and never ships.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
import warnings
from typing import Any


def run_cell(code: str) -> dict[str, Any]:
    """stdout, the first uncaught error (type, message, line) and the warnings of one cell."""
    out = io.StringIO()
    error: dict[str, Any] | None = None
    caught: list[dict[str, Any]] = []
    namespace: dict[str, Any] = {"__name__": "__main__"}
    with warnings.catch_warnings(record=True) as recorded, contextlib.redirect_stdout(out):
        warnings.simplefilter("always")
        for statement in ast.parse(code).body:
            unit = compile(ast.Interactive(body=[statement]), "<cell>", "single")
            try:
                exec(unit, namespace)
            except Exception as exc:  # the cell's first error ends it, as in a notebook
                error = {
                    "type": type(exc).__name__,
                    "message": str(exc),
                    "line": statement.lineno,
                }
                break
    for warning in recorded:
        caught.append({"category": warning.category.__name__, "message": str(warning.message)})
    return {"stdout": out.getvalue(), "error": error, "warnings": caught}


def main() -> None:
    import torch

    cells = json.load(sys.stdin)
    results = []
    for code in cells:
        torch.manual_seed(0)
        results.append(run_cell(code))
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
