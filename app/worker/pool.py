"""Worker processes that run programs: OS limits, a deadline per program, and a bounded queue.

The API process never runs user code. Each worker is a pre-started process (from a forkserver
that has already imported the engine) with an address-space, CPU-time and file limit; the API
process waits for its answer at most `Settings.deadline_s`, then kills and replaces it. A worker
that dies is replaced too; the program it was running gets an error, nothing else notices.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess
from typing import Any

from app.config import Settings
from app.interpreter.hints import hint_text
from app.interpreter.limits import DEMOTE_AFTER_S, DEMOTED_NICENESS
from app.worker.isolation import (
    Layer,
    describe,
    forkserver_environment,
    protect_api_process,
    worker_settings,
)
from app.worker.process import READY, worker_main
from app.worker.program import empty_graph

# Imported by the forkserver once, so a new worker starts without importing numpy again.
_PRELOAD = ["app.worker.program"]
# BLAS thread pools would multiply each worker's CPU use and address space.
_SINGLE_THREADED = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_START_TIMEOUT_S = 60.0
_log = logging.getLogger("autograd_lab.sandbox")


WorkerEntry = Callable[[Connection, Settings], None]


class PoolSaturated(Exception):
    """Every worker is busy and the queue is full: the client should retry later."""


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    connection: Connection
    jobs: int = 0


class WorkerPool:
    """A fixed number of worker processes behind a bounded queue."""

    def __init__(self, settings: Settings, entry: WorkerEntry = worker_main) -> None:
        """`entry` is what each worker process runs; only tests pass another one (a probe that
        starts exactly like `worker_main` and then runs trusted checks from inside)."""
        self.settings = settings
        self._entry = entry
        self.isolation: list[Layer] = []
        self._context: ForkServerContext | None = None
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self._busy = 0
        self._executor = ThreadPoolExecutor(
            max_workers=settings.workers + 1, thread_name_prefix="pool"
        )
        self._workers: list[_Worker] = []
        self._replacing: set[asyncio.Future[_Worker | None]] = set()
        self._stopping = False

    # lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        for name in _SINGLE_THREADED:
            os.environ.setdefault(name, "1")
        self.isolation = [protect_api_process()]
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        with forkserver_environment():  # no secret reaches the forkserver or a worker
            multiprocessing.forkserver.ensure_running()
        self._context = context
        self._idle = asyncio.Queue()
        loop = asyncio.get_running_loop()
        for _ in range(self.settings.workers):
            worker = await loop.run_in_executor(self._executor, self._spawn)
            self._idle.put_nowait(worker)
        complete, line = describe(self.isolation)
        _log.log(logging.INFO if complete else logging.WARNING, line)

    async def stop(self) -> None:
        self._stopping = True  # replacements still starting will not spawn
        if self._replacing:
            await asyncio.gather(*self._replacing, return_exceptions=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._stop_all)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _stop_all(self) -> None:
        for worker in list(self._workers):
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        for worker in list(self._workers):
            worker.process.join(timeout=1)
            _kill(worker)
        self._workers.clear()

    def _spawn(self) -> _Worker:
        assert self._context is not None
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=self._entry,
            args=(child_end, worker_settings(self.settings)),
            daemon=True,
            name="sandbox",
        )
        process.start()
        child_end.close()
        # wait until the worker has walled itself in and is ready, so deadlines measure programs
        ready = parent_end.recv() if parent_end.poll(_START_TIMEOUT_S) else None
        if not isinstance(ready, dict) or ready.get("status") != READY:
            process.kill()
            raise RuntimeError("a sandbox worker did not start")
        if len(self.isolation) <= 1:  # the first worker tells what this host allows
            self.isolation += [Layer.from_dict(layer) for layer in ready["isolation"]]
        worker = _Worker(process, parent_end)
        self._workers.append(worker)
        return worker

    # running programs ------------------------------------------------------------------------

    @property
    def alive(self) -> int:
        return sum(1 for w in self._workers if w.process.is_alive())

    @property
    def load(self) -> tuple[int, int]:
        """(programs running, programs waiting)."""
        return self._busy, self._waiting

    async def run(self, code: str, lang: str, focus: str | None) -> dict[str, Any]:
        """Run one program in a worker; its `RunResult` as a dict, or a timeout/crash error."""
        idle = self._idle
        if idle is None:
            raise RuntimeError("the worker pool is not started")
        if idle.empty() and self._waiting >= self.settings.queue_size:
            raise PoolSaturated
        self._waiting += 1
        try:
            worker = await idle.get()
        finally:
            self._waiting -= 1
        self._busy += 1
        started = time.perf_counter()
        try:
            result, reusable = await self._round_trip(worker, (code, lang, focus))
        finally:
            self._busy -= 1
        # worker time only (not queueing): the rate limiter charges slow programs by it
        result["run_ms"] = round((time.perf_counter() - started) * 1000, 1)
        if reusable:
            idle.put_nowait(worker)
        else:
            self._replace_in_background(worker)
        return result

    async def _round_trip(
        self, worker: _Worker, job: tuple[str, str, str | None]
    ) -> tuple[dict[str, Any], bool]:
        """Send a job and wait (on the event loop, no thread) for its answer until the deadline.

        Returns the answer and whether the worker may run another program; a worker that may
        not is replaced in the background, so no answer waits for a new process to start.
        """
        loop = asyncio.get_running_loop()
        lang = job[1]
        deadline = self.settings.deadline_s
        # A program stuck inside one C call (a huge sort) never reaches the interpreter's own
        # clock check: this timer lowers its priority from outside all the same.
        demotion = loop.call_later(DEMOTE_AFTER_S, _demote, worker)
        try:
            worker.connection.send(job)
            await asyncio.wait_for(_readable(loop, worker.connection), deadline)
            # the worker writes its answer in one go once it is readable; EOF if it died
            result: dict[str, Any] = worker.connection.recv()
        except TimeoutError:
            return _timeout_result(deadline, lang), False
        except (EOFError, OSError):
            reaping = loop.run_in_executor(self._executor, _reap, worker)
            exitcode = await asyncio.shield(reaping)
            return _crash_result(exitcode, self.settings, lang), False
        except asyncio.CancelledError:
            # the client went away mid-program: its worker is replaced in the background
            self._replace_in_background(worker)
            raise
        except Exception:  # an answer that cannot be unpickled: the worker is not trusted again
            return _crash_result(None, self.settings, lang), False
        finally:
            demotion.cancel()
        worker.jobs += 1
        # a worker whose program ran long lowered its own priority (Budget.check_time); it cannot
        # raise it again without privileges, so it is replaced rather than reused
        demoted = _niceness(worker) > 0
        return result, worker.jobs < self.settings.worker_max_jobs and not demoted

    def _replace_in_background(self, worker: _Worker) -> None:
        """Kill `worker` and start another (in a thread); the new one joins the idle queue."""
        loop = asyncio.get_running_loop()
        replacing = loop.run_in_executor(self._executor, self._replace, worker)
        self._replacing.add(replacing)
        replacing.add_done_callback(self._replacing.discard)
        replacing.add_done_callback(self._return_to_idle)

    def _return_to_idle(self, done: asyncio.Future[_Worker | None]) -> None:
        if self._idle is None or done.cancelled() or done.exception() is not None:
            return
        replacement = done.result()
        if replacement is not None:
            self._idle.put_nowait(replacement)

    def _replace(self, worker: _Worker) -> _Worker | None:
        _kill(worker)
        if worker in self._workers:
            self._workers.remove(worker)
        return None if self._stopping else self._spawn()


async def _readable(loop: asyncio.AbstractEventLoop, connection: Connection) -> None:
    """Wait until the connection has data (or EOF) without blocking the event loop."""
    ready: asyncio.Future[None] = loop.create_future()
    fd = connection.fileno()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, wake)
    try:
        await ready
    finally:
        loop.remove_reader(fd)
        # uvloop leaves the fd non-blocking; recv() of an answer bigger than the pipe buffer
        # would then fail half-way through (BlockingIOError), as if the worker had crashed
        os.set_blocking(fd, True)


def _niceness(worker: _Worker) -> int:
    """The worker's niceness: its process group's (the worker leads a group with the process
    that runs its programs, which is a child when it has its own pid namespace)."""
    pid = worker.process.pid
    if pid is None:
        return 0
    try:
        return os.getpriority(os.PRIO_PGRP, pid)
    except OSError:
        return 0


def _demote(worker: _Worker) -> None:
    pid = worker.process.pid
    if pid is not None:
        with contextlib.suppress(OSError):  # already gone
            os.setpriority(os.PRIO_PGRP, pid, DEMOTED_NICENESS)


def _reap(worker: _Worker) -> int | None:
    worker.process.join(timeout=1)
    return worker.process.exitcode


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(timeout=5)
    with contextlib.suppress(OSError):  # already closed by an earlier kill
        worker.connection.close()


def _timeout_result(deadline: float, lang: str) -> dict[str, Any]:
    return _error_result(
        "TimeoutError",
        f"the program did not finish within {deadline:g} seconds and was stopped",
        hint_text("timeout", lang),
    )


def _crash_result(exitcode: int | None, settings: Settings, lang: str) -> dict[str, Any]:
    if exitcode == -signal.SIGXCPU:
        return _error_result(
            "LimitExceeded",
            f"CPU time exceeded the limit of {settings.cpu_limit_s} s",
            hint_text("timeout", lang),
        )
    how = f" (signal {-exitcode})" if exitcode is not None and exitcode < 0 else ""
    return _error_result(
        "WorkerCrashed",
        f"the sandbox process running this program stopped unexpectedly{how}",
        hint_text("crash", lang),
    )


def _error_result(kind: str, message: str, hint: str) -> dict[str, Any]:
    return {
        "stdout": "",
        "error": {"type": kind, "message": message, "line": None, "hint": hint},
        "warnings": [],
        "graph": empty_graph(),
        "backward": [],
    }
