"""`run_program`: one program, in this process, from source text to its `app.contract.RunResult`.

Workers call it (`app.worker.process`); tests may call it directly. It never raises for anything
the program does: every failure becomes the result's `error`.
"""

from __future__ import annotations

import contextvars
import sys

from app.config import Settings, get_settings
from app.contract import RunError, RunResult, empty_graph
from app.interpreter import Evaluator, LimitExceeded, ProgramError, parse_program
from app.interpreter.facades import TensorFacade
from app.interpreter.hints import hint_for
from app.trace.program_trace import ProgramTrace

# Python frames the evaluator may need: the policy bounds tree depth and the budget bounds the
# program's own call depth, so this is enough and keeps C-level recursion (repr) bounded too.
_RECURSION_LIMIT = 6_000


def error_json(error: ProgramError, lang: str) -> RunError:
    """The error part of the result: PyTorch's type and message, the line, a hint in `lang`."""
    return {
        "type": error.type_name,
        "message": error.message,
        "line": error.line,
        "hint": hint_for(error, lang),
    }


def run_program(
    code: str, lang: str = "en", focus: str | None = None, settings: Settings | None = None
) -> RunResult:
    """Run `code` in a fresh context (grad mode and observers never leak between programs)."""
    settings = settings or get_settings()
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    context = contextvars.copy_context()
    return context.run(_run, code, lang, focus, settings)


def _run(code: str, lang: str, focus: str | None, settings: Settings) -> RunResult:
    trace = ProgramTrace()
    evaluator = Evaluator(settings, trace)
    error: ProgramError | None
    try:
        tree = parse_program(code, settings)
    except ProgramError as refused:
        error = refused
    else:
        error = evaluator.run(tree)
    result: RunResult = {
        "stdout": "".join(evaluator.transcript),
        "error": None if error is None else error_json(error, lang),
        "warnings": evaluator.warnings,
        "graph": empty_graph(),
        "backward": [],
    }
    tensors = {
        name: value.tensor
        for name, value in evaluator.names().items()
        if isinstance(value, TensorFacade)
    }
    try:
        result["graph"], result["backward"] = trace.finish(tensors, focus)
    except MemoryError:
        if result["error"] is None:
            limit = LimitExceeded("memory", settings.memory_limit_mb, " MB")
            result["error"] = error_json(limit, lang)
    return result
