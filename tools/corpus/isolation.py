"""Runs each corpus program in its own forked process, two at a time, with a deadline.

A fresh fork per program is a fresh session: nothing one program sets (grad mode, print options,
once-only warnings, generators) reaches the next. The child is a plain function
`target(code, connection)` that sends one JSON text through its pipe.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Callable
from typing import Any

Target = Callable[[str, Any], None]


def run_isolated(programs: dict[str, str], target: Target, kill_s: float) -> dict[str, Any]:
    """{name: the child's JSON answer}, or {"timeout": True} / {"crashed": True}."""
    context = multiprocessing.get_context("fork")
    pending = list(programs.items())
    running: list[tuple[str, Any, Any, float]] = []
    answers: dict[str, Any] = {}
    while pending or running:
        while pending and len(running) < 2:
            name, code = pending.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=target, args=(code, sender))
            process.start()
            sender.close()
            running.append((name, process, receiver, time.monotonic()))
        for item in list(running):
            name, process, receiver, started = item
            if receiver.poll(0.02):
                try:
                    answers[name] = json.loads(receiver.recv())
                except EOFError:  # the child died before it answered
                    answers[name] = {"crashed": True}
                process.join()
                running.remove(item)
            elif time.monotonic() - started > kill_s:
                process.kill()
                process.join()
                answers[name] = {"timeout": True}
                running.remove(item)
    return answers
