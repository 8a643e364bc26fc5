"""Running Graphviz `dot -Tsvg` as a subprocess: a hard timeout, a bounded number at once."""

from __future__ import annotations

import subprocess
import threading

from app.render.options import DEFAULT_OPTIONS, RenderOptions


class RenderError(Exception):
    """`dot` could not produce a picture; `code` is one of RenderResult.error's values."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


def dot_slots(count: int) -> threading.BoundedSemaphore:
    """The process-wide semaphore that keeps at most `count` dot processes running."""
    with _slots_lock:
        slots = _slots.get(count)
        if slots is None:
            slots = _slots[count] = threading.BoundedSemaphore(max(1, count))
        return slots


def run_dot(source: str, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Lay out DOT with `dot -Tsvg`; raw SVG. Raises RenderError (timeout, missing, failed)."""
    try:
        done = subprocess.run(
            [options.dot_binary, "-Tsvg"],
            input=source.encode("utf-8", errors="replace"),
            capture_output=True,
            timeout=options.timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has already killed and reaped it
        raise RenderError("timeout", f"dot ran longer than {options.timeout_s:g} s") from None
    except FileNotFoundError:
        raise RenderError("dot-missing", options.dot_binary) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace")[:500]
        raise RenderError("dot-failed", f"exit {done.returncode}: {detail}")
    return done.stdout.decode("utf-8", errors="replace")
