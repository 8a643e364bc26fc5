"""A test-only worker entry: starts exactly like `worker_main`, then runs trusted probes.

`WorkerPool(settings, target=probe_main)` gives a pool whose workers are walled in by the same
`start_worker` as the real ones; instead of programs they run the named probe functions below
(test code, never reachable from `/api/run`: the app's pool always uses `worker_main`). A job is
`(probe name, lang, argument)`, the pool's ordinary job shape; each probe's findings (a dict)
travel back as the `stdout` of an ordinary answer, as JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from app.config import Settings
from app.contract import failed_run
from app.worker import process
from app.worker.answer import decode_job
from app.worker.process import send_ready, start_worker


def probe_main(connection: Connection, settings: Settings) -> None:
    layers = start_worker(connection, settings)
    send_ready(connection, layers)
    while True:
        try:
            job = decode_job(connection.recv_bytes())
        except (EOFError, OSError):
            return
        if job is None:
            return
        name, _lang, argument = job
        findings = PROBES[name](argument or "", settings)
        # an answer the pool accepts: the findings travel as the run's stdout (JSON)
        answer = failed_run("Probe", name, None)
        answer["stdout"] = json.dumps(findings)
        connection.send_bytes(json.dumps(answer).encode())


def _attempt(action: Callable[[], object]) -> str:
    """'ok' if `action` succeeded, else the name of the error it raised."""
    try:
        action()
    except OSError as error:
        return f"{type(error).__name__}: errno {error.errno}"
    except Exception as error:  # a probe reports, never crashes the worker
        return type(error).__name__
    return "ok"


def _sockets(port: str, settings: Settings) -> dict[str, Any]:
    def tcp() -> None:
        with socket.create_connection(("127.0.0.1", int(port)), timeout=2):
            pass

    return {
        "tcp connect to the API's port": _attempt(tcp),
        "inet socket": _attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM)),
        "inet6 socket": _attempt(lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM)),
        "unix socket": _attempt(lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)),
        "socketpair": _attempt(socket.socketpair),
    }


def _api_process(pid: str, settings: Settings) -> dict[str, Any]:
    def read(name: str) -> Callable[[], object]:
        def action() -> object:
            with open(f"/proc/{pid}/{name}", "rb") as file:
                return file.read(64)

        return action

    return {
        "environ": _attempt(read("environ")),
        "mem": _attempt(read("mem")),
        "maps": _attempt(read("maps")),
        "status": _attempt(read("status")),
        "list /proc": _attempt(lambda: os.listdir("/proc")),
    }


def _signals(pids: str, settings: Settings) -> dict[str, Any]:
    """`pids` is "<api pid>:<api process group>"."""
    api, group = (int(part) for part in pids.split(":"))
    return {
        "signal 0 (may I?)": _attempt(lambda: os.kill(api, 0)),
        "SIGUSR1": _attempt(lambda: os.kill(api, signal.SIGUSR1)),
        "SIGUSR1 to its process group": _attempt(lambda: os.killpg(group, signal.SIGUSR1)),
        "SIGUSR1 to everyone": _attempt(lambda: os.kill(-1, signal.SIGUSR1)),
        "itself (signal 0)": _attempt(lambda: os.kill(os.getpid(), 0)),
    }


def _processes(_: str, settings: Settings) -> dict[str, Any]:
    def fork() -> None:
        if os.fork() == 0:
            os._exit(0)

    def thread() -> None:
        started = threading.Thread(target=time.sleep, args=(0,))
        started.start()
        started.join()

    return {
        "fork": _attempt(fork),
        "thread": _attempt(thread),
        "exec": _attempt(lambda: os.execv("/bin/sh", ["sh", "-c", "true"])),
        "pid": os.getpid(),
    }


def _files(path: str, settings: Settings) -> dict[str, Any]:
    def create(target: str) -> Callable[[], object]:
        def action() -> object:
            with open(target, "w") as file:
                return file.write("escaped")

        return action

    def append() -> object:
        with open(path, "a") as file:
            return file.write("escaped")

    return {
        "create in /tmp": _attempt(create("/tmp/escaped-worker")),
        "create beside the file": _attempt(create(os.path.join(os.path.dirname(path), "new"))),
        "create beside the app's code": _attempt(create(process.__file__ + ".escaped")),
        "append to an existing file": _attempt(append),
        "mkdir": _attempt(lambda: os.mkdir("/escaped")),
        "unlink": _attempt(lambda: os.unlink(path)),
        "read the app's code": _attempt(lambda: open(process.__file__, "rb").close()),
        "root": sorted(os.listdir("/")),
    }


def _environment(_: str, settings: Settings) -> dict[str, Any]:
    def own_environ() -> bytes:
        with open("/proc/self/environ", "rb") as file:
            return file.read()

    raw = b""
    with contextlib.suppress(OSError):
        raw = own_environ()
    return {
        "environ": dict(os.environ),
        "raw environ has the secret": b"AUTOGRAD_LAB_SECRET_KEY" in raw,
        "secret in settings": settings.secret_key,
        "open descriptors": len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc") else None,
    }


def _spin(seconds: str, settings: Settings) -> dict[str, Any]:
    """Work inside one C call (no bytecode runs until it returns), like a huge sort."""
    calibration = time.monotonic()
    sum(range(1_000_000))
    per_million = max(time.monotonic() - calibration, 1e-4)
    started = time.monotonic()
    total = sum(range(int(float(seconds) / per_million * 1_000_000)))
    return {"seconds": time.monotonic() - started, "total": total}


def _libraries(_: str, settings: Settings) -> dict[str, Any]:
    """What the engine computes with inside the walls (the same as outside, or numerics drift)."""
    from engine.cpu import mkl

    return {"mkl": mkl.available()}


PROBES: dict[str, Callable[[str, Settings], dict[str, Any]]] = {
    "libraries": _libraries,
    "sockets": _sockets,
    "api process": _api_process,
    "signals": _signals,
    "processes": _processes,
    "files": _files,
    "environment": _environment,
    "spin": _spin,
}
