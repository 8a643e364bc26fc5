"""Runs one trusted golden-corpus program the way Python's interactive interpreter does.

Stdlib only, so the same function runs a program against real PyTorch (the generator, in the
scratch torch virtualenv) and against `engine` (the tests). It executes only our own committed
corpus in tests/ and tools/, never user code: user programs go through app/interpreter.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import contextvars
import io
import sys
import traceback
import types
import warnings
from collections.abc import Callable, Mapping
from typing import Any

FILENAME = "<program>"

Import = Callable[..., types.ModuleType]


def _program_line(frame: types.FrameType | None) -> int | None:
    """The line of the innermost frame (walking outwards from `frame`) that runs the program."""
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _error_line(exc: BaseException) -> int | None:
    """The innermost traceback entry inside the program (a line in a corpus `def` counts)."""
    lines = [
        entry.lineno
        for entry in traceback.extract_tb(exc.__traceback__)
        if entry.filename == FILENAME
    ]
    return lines[-1] if lines else None


def _make_import(modules: Mapping[str, types.ModuleType]) -> Import:
    """An `__import__` that resolves the corpus's imports through `modules`."""
    real_import = builtins.__import__

    def corpus_import(
        name: str,
        globals: Mapping[str, object] | None = None,
        locals: Mapping[str, object] | None = None,
        fromlist: tuple[str, ...] | list[str] | None = (),
        level: int = 0,
    ) -> types.ModuleType:
        if level != 0 or name not in modules:
            # C code (torch's own lazy imports) also calls the frame's __import__; those imports
            # are not the program's. tests/engine/test_golden.py checks the corpus's own imports.
            return real_import(name, globals, locals, fromlist, level)
        if fromlist:
            return modules[name]
        # `import torch.nn.functional as F` binds via attributes of the top-level package.
        return modules[name.partition(".")[0]]

    return corpus_import


def _echo(out: io.StringIO) -> Callable[[object], None]:
    """sys.displayhook for 'single' mode: the repr of a non-None value, without touching `_`."""

    def displayhook(value: object) -> None:
        if value is not None:
            out.write(repr(value) + "\n")

    return displayhook


def _record_warnings(recorded: list[dict[str, Any]]) -> Callable[..., None]:
    """warnings.showwarning that records category, message and the program's current line."""

    def showwarning(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: object = None,
        line: str | None = None,
    ) -> None:
        recorded.append(
            {
                "category": category.__name__,
                "message": str(message),
                "line": _program_line(sys._getframe(1)),
            }
        )

    return showwarning


def _execute(tree: ast.Module, scope: dict[str, Any]) -> dict[str, Any] | None:
    """Runs the statements one by one; the first uncaught exception stops the program."""
    for statement in tree.body:
        code = compile(ast.Interactive(body=[statement]), FILENAME, "single")
        try:
            exec(code, scope)
        except Exception as exc:  # the program's own error is the result, as in a REPL session
            return {"type": type(exc).__name__, "message": str(exc), "line": _error_line(exc)}
    return None


def run_program(source: str, modules: Mapping[str, types.ModuleType]) -> dict[str, Any]:
    """stdout (prints and echoes), the first uncaught error and every warning of one program."""
    tree = ast.parse(source, FILENAME)
    out = io.StringIO()
    recorded: list[dict[str, Any]] = []
    scope_builtins = dict(vars(builtins))
    scope_builtins["__import__"] = _make_import(modules)
    scope: dict[str, Any] = {"__name__": "__main__", "__builtins__": scope_builtins}
    saved_hook = sys.displayhook
    with warnings.catch_warnings(), contextlib.redirect_stdout(out):
        warnings.simplefilter("always")
        warnings.showwarning = _record_warnings(recorded)
        sys.displayhook = _echo(out)
        try:
            # a context of its own per program (as the app gives each run): what a program sets
            # in its context (grad mode, print options, once-only warnings, the engine's random
            # generator) does not leak into the next one
            error = contextvars.copy_context().run(_execute, tree, scope)
        finally:
            sys.displayhook = saved_hook
    return {"stdout": out.getvalue(), "error": error, "warnings": recorded}
