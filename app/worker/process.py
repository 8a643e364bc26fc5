"""A worker process's life: wall itself in (isolation, OS limits), then run programs until told
to stop."""

from __future__ import annotations

import math
import resource
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection

from app.config import Settings
from app.interpreter.limits import enable_demotion
from app.worker.answer import READY, decode_job, encode_answer
from app.worker.isolation import Layer, encode_layers, isolate_worker

_OPEN_FILES = 32
# What a worker process runs: its end of the pipe and the settings.
WorkerTarget = Callable[[Connection, Settings], None]


def worker_main(connection: Connection, settings: Settings) -> None:
    """A worker's life: wall itself in, then run programs until told to stop."""
    from app.worker.program import run_program  # already imported by the forkserver

    layers = start_worker(connection, settings)
    send_ready(connection, layers)
    while True:
        try:
            job = decode_job(connection.recv_bytes())
        except (EOFError, OSError):
            return
        if job is None:
            return
        code, lang, focus = job
        _allow_cpu(settings.cpu_limit_s)
        result = run_program(code, lang, focus, settings)
        connection.send_bytes(encode_answer(result, settings.max_answer_bytes, lang))


def start_worker(connection: Connection, settings: Settings) -> list[Layer]:
    """Everything a worker does before its first program: isolation (namespaces, read-only
    file system, seccomp …), then the OS limits. Returns the isolation layers it has."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the API process's business
    layers = isolate_worker(settings, [connection.fileno()])
    limit_resources(settings)
    enable_demotion()
    return layers


def send_ready(connection: Connection, layers: list[Layer]) -> None:
    """READY, then which isolation layers this worker runs under (JSON)."""
    connection.send_bytes(READY)
    connection.send_bytes(encode_layers(layers))


def limit_resources(settings: Settings) -> None:
    """OS limits for this process: address space, CPU seconds, no file writes, few files."""
    memory = settings.memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    lifetime_cpu = settings.cpu_limit_s * (settings.worker_max_jobs + 2)
    resource.setrlimit(resource.RLIMIT_CPU, (settings.cpu_limit_s, lifetime_cpu))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (_OPEN_FILES, _OPEN_FILES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # a write past RLIMIT_FSIZE then fails with an error instead of killing the worker
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _allow_cpu(seconds: int) -> None:
    """Give the next program `seconds` of CPU beyond what this worker has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = math.ceil(usage.ru_utime + usage.ru_stime)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = used + seconds
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
