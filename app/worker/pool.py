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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess
from typing import Final

from app.config import Settings
from app.contract import RunResult, failed_run
from app.interpreter.hints import hint_text
from app.interpreter.limits import DEMOTE_AFTER_S, DEMOTED_NICENESS
from app.worker.answer import (
    READY,
    STOP,
    AnswerCheck,
    AnswerRefused,
    encode_job,
    receive_answer,
)
from app.worker.fair_queue import NOBODY, FairQueue, Owner, QueueFull
from app.worker.isolation import (
    Layer,
    decode_layers,
    describe,
    forkserver_environment,
    protect_api_process,
    worker_settings,
)
from app.worker.process import WorkerTarget, worker_main

# Imported by the forkserver once, so a new worker starts without importing numpy again, and
# with every lazily loaded library loaded before it is walled in (app.worker.warm).
_PRELOAD = ["app.worker.program", "app.worker.warm"]
# BLAS thread pools would multiply each worker's CPU use and address space.
_SINGLE_THREADED = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_START_TIMEOUT_S: Final = 60.0
_log = logging.getLogger("autograd_lab.sandbox")


class PoolSaturated(Exception):
    """Every worker is busy and the queue is full: the client should retry later."""


@dataclass(frozen=True, slots=True)
class PoolAnswer:
    """A program's result and how long it held a worker (queueing excluded), in ms."""

    result: RunResult
    run_ms: float


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    connection: Connection
    jobs: int = 0


class WorkerPool:
    """A fixed number of worker processes behind a bounded queue."""

    def __init__(
        self,
        settings: Settings,
        check: AnswerCheck | None = None,
        target: WorkerTarget = worker_main,
    ) -> None:
        """`check` validates every answer's fields (in the pool's thread, before `run` returns
        it; the web layer passes its response model's); `target` is what each worker process
        runs (tests give a hostile one, or a probe that starts exactly like `worker_main` and
        then checks its walls from inside)."""
        self.settings = settings
        self._check = check
        self._target = target
        self.isolation: list[Layer] = []  # the API's own layer, then the first worker's
        self._context: ForkServerContext | None = None
        self._idle: FairQueue[_Worker] | None = None
        self._busy = 0
        self._executor = ThreadPoolExecutor(
            # one thread waits for each busy worker's answer; the rest start replacements
            max_workers=2 * settings.workers + 1,
            thread_name_prefix="pool",
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
        self._idle = FairQueue(
            self.settings.workers, self.settings.queue_size, self.settings.fair_share_window_s
        )
        loop = asyncio.get_running_loop()
        for _ in range(self.settings.workers):
            worker = await loop.run_in_executor(self._executor, self._spawn)
            self._idle.put(worker)
        complete, line = describe(self.isolation)
        _log.log(logging.INFO if complete else logging.WARNING, line)

    async def stop(self) -> None:
        self._stopping = True  # replacements still starting will not spawn
        if self._idle is not None:
            self._idle.close()
        if self._replacing:
            await asyncio.gather(*self._replacing, return_exceptions=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._stop_all)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _stop_all(self) -> None:
        for worker in list(self._workers):
            with contextlib.suppress(OSError):
                worker.connection.send_bytes(STOP)
        for worker in list(self._workers):
            worker.process.join(timeout=1)
            _kill(worker)
        self._workers.clear()

    def _spawn(self) -> _Worker:
        assert self._context is not None
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=self._target,
            args=(child_end, worker_settings(self.settings)),
            daemon=True,
            name="sandbox",
        )
        process.start()
        child_end.close()
        # wait until the worker has walled itself in and is ready, so deadlines measure programs
        layers = None
        if parent_end.poll(_START_TIMEOUT_S) and _handshake(parent_end) == READY:
            layers = _isolation_report(parent_end)
        if layers is None:
            process.kill()
            raise RuntimeError("a sandbox worker did not start")
        if len(self.isolation) <= 1:  # the first worker tells what this host allows
            self.isolation += layers
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
        return self._busy, 0 if self._idle is None else self._idle.waiting

    async def run(
        self, code: str, lang: str, focus: str | None, owner: Owner = NOBODY
    ) -> PoolAnswer:
        """Run one program in a worker: its result (or a timeout/crash error) and the run time.

        Programs wait their turn fairly (`FairQueue`): `owner` says whose program it is.
        Cancelling the call (the client went away) frees its place, or kills its worker.
        """
        idle = self._idle
        if idle is None:
            raise RuntimeError("the worker pool is not started")
        try:
            worker = await idle.get(owner)
        except QueueFull:
            raise PoolSaturated from None
        self._busy += 1
        started = time.perf_counter()
        try:
            result, reusable = await self._round_trip(worker, code, lang, focus)
        except BaseException:
            idle.done(owner)
            raise
        finally:
            self._busy -= 1
        # worker time only (not queueing): the rate limiter charges slow programs by it
        run_ms = round((time.perf_counter() - started) * 1000, 1)
        if reusable:
            idle.put(worker)
        else:
            self._replace_in_background(worker)
        idle.done(owner)
        return PoolAnswer(result, run_ms)

    async def _round_trip(
        self, worker: _Worker, code: str, lang: str, focus: str | None
    ) -> tuple[RunResult, bool]:
        """Send a job and wait for its answer until the deadline. A thread waits for the answer,
        reads and decodes it, so neither a big answer nor a worker that stalls half-way blocks
        the event loop; at the deadline the worker is killed, which ends the thread's read.

        Returns the answer and whether the worker may run another program; a worker that may
        not is replaced in the background, so no answer waits for a new process to start.
        """
        loop = asyncio.get_running_loop()
        deadline = self.settings.deadline_s
        reading: asyncio.Future[RunResult | AnswerRefused | None] | None = None
        # A program stuck inside one C call (a huge sort) never reaches the interpreter's own
        # clock check: this timer lowers its priority from outside all the same.
        demotion = loop.call_later(DEMOTE_AFTER_S, _demote, worker)
        try:
            worker.connection.send_bytes(encode_job(code, lang, focus))
            reading = loop.run_in_executor(
                self._executor,
                _receive,
                worker.connection,
                self.settings.max_answer_bytes,
                self._check,
            )
            answer = await asyncio.wait_for(asyncio.shield(reading), deadline)
        except TimeoutError:
            assert reading is not None
            worker.process.kill()  # its end of the pipe closes: the thread's read returns
            await reading
            return _timeout_result(deadline, lang), False
        except OSError:  # the job could not be sent: the worker is gone
            return await self._crash(worker, lang), False
        except asyncio.CancelledError:
            # the client went away mid-program: its worker is replaced in the background
            self._discard(worker, reading)
            raise
        finally:
            demotion.cancel()
        if answer is None:  # EOF: the worker died before answering
            return await self._crash(worker, lang), False
        if isinstance(answer, AnswerRefused):  # the worker is not trusted again
            return _refused_result(answer, lang), False
        worker.jobs += 1
        # a worker whose program ran long lowered its own priority (Budget.check_time); it cannot
        # raise it again without privileges, so it is replaced rather than reused
        demoted = _niceness(worker) > 0
        return answer, worker.jobs < self.settings.worker_max_jobs and not demoted

    async def _crash(self, worker: _Worker, lang: str) -> RunResult:
        loop = asyncio.get_running_loop()
        exitcode = await asyncio.shield(loop.run_in_executor(self._executor, _reap, worker))
        return _crash_result(exitcode, self.settings, lang)

    def _discard(
        self, worker: _Worker, reading: asyncio.Future[RunResult | AnswerRefused | None] | None
    ) -> None:
        """Replace `worker`; if its answer is being read, once the read has ended (killing the
        worker ends it), so the pipe is never closed under a thread still reading it."""
        if reading is None or reading.done():
            self._replace_in_background(worker)
            return
        worker.process.kill()
        reading.add_done_callback(lambda _: self._replace_in_background(worker))

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
            self._idle.put(replacement)

    def _replace(self, worker: _Worker) -> _Worker | None:
        _kill(worker)
        if worker in self._workers:
            self._workers.remove(worker)
        return None if self._stopping else self._spawn()


def _receive(
    connection: Connection, max_bytes: int, check: AnswerCheck | None
) -> RunResult | AnswerRefused | None:
    """The worker's answer, the reason it was refused, or None when the worker died (EOF)."""
    try:
        return receive_answer(connection, max_bytes, check)
    except AnswerRefused as refused:
        return refused
    except Exception:  # EOFError: the worker died; OSError: the pipe broke
        return None


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


def _timeout_result(deadline: float, lang: str) -> RunResult:
    return failed_run(
        "TimeoutError",
        f"the program did not finish within {deadline:g} seconds and was stopped",
        hint_text("timeout", lang),
    )


def _crash_result(exitcode: int | None, settings: Settings, lang: str) -> RunResult:
    if exitcode == -signal.SIGXCPU:
        return failed_run(
            "LimitExceeded",
            f"CPU time exceeded the limit of {settings.cpu_limit_s} s",
            hint_text("timeout", lang),
        )
    how = f" (signal {-exitcode})" if exitcode is not None and exitcode < 0 else ""
    return failed_run(
        "WorkerCrashed",
        f"the sandbox process running this program stopped unexpectedly{how}",
        hint_text("crash", lang),
    )


def _refused_result(refused: AnswerRefused, lang: str) -> RunResult:
    what = "an answer " + (
        str(refused) if refused.reason == "too-large" else "that is not a program's result"
    )
    return failed_run(
        "WorkerCrashed",
        f"the sandbox process running this program sent {what}; it was refused and the "
        "process replaced",
        hint_text("crash", lang),
    )


def _handshake(connection: Connection) -> bytes | None:
    """The worker's first message (READY when it started well), read as bytes, never unpickled."""
    try:
        return connection.recv_bytes(len(READY))
    except (EOFError, OSError):
        return None


def _isolation_report(connection: Connection) -> list[Layer] | None:
    """The worker's second message: its isolation layers (bounded JSON, never unpickled)."""
    try:
        if not connection.poll(_START_TIMEOUT_S):
            return None
        return decode_layers(connection.recv_bytes(_MAX_REPORT_BYTES))
    except (EOFError, OSError, ValueError):
        return None


_MAX_REPORT_BYTES: Final = 16_384
