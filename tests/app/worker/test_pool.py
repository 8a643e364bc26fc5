"""The worker pool: deadlines kill and replace workers, crashes stay local, the queue is bounded,
and a worker process really runs under OS limits."""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
import signal
import threading
import time
import warnings
from pathlib import Path
from typing import Any

from app.config import Settings
from app.contract import RunResult
from app.worker.pool import PoolAnswer, PoolSaturated, WorkerPool
from app.worker.process import limit_resources

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette deprecates its httpx-based TestClient
    from starlette.testclient import TestClient

from app.main import create_app

NORMAL = (
    "import torch\nw = torch.tensor(2.0, requires_grad=True)\n(w * w).backward()\nprint(w.grad)"
)
ENDLESS = "while True:\n    pass"


def run_in_pool(settings: Settings, programs: list[str], during: Any = None) -> list[RunResult]:
    """Start a pool, run `programs` one after another, stop it; `during(pool)` runs alongside."""

    async def scenario() -> list[RunResult]:
        pool = WorkerPool(settings)
        await pool.start()
        try:
            results = []
            for code in programs:
                if during is not None:
                    threading.Thread(target=during, args=(pool,), daemon=True).start()
                results.append((await pool.run(code, "en", None)).result)
            return results
        finally:
            await pool.stop()

    return asyncio.run(scenario())


def test_worker_past_its_deadline_is_killed_and_replaced() -> None:
    # An interpreter budget longer than the deadline stands for work the interpreter cannot
    # interrupt; the API process must still stop it at the deadline.
    settings = Settings(
        workers=1, time_limit_s=30.0, deadline_grace_s=-29.0, max_loop_iterations=10**12
    )
    timed_out, after = run_in_pool(settings, [ENDLESS, NORMAL])
    assert timed_out["error"]["type"] == "TimeoutError"
    assert timed_out["error"]["message"] == (
        "the program did not finish within 1 seconds and was stopped"
    )
    assert after["error"] is None and after["stdout"] == "tensor(4.)\n"


def test_a_crashed_worker_is_an_error_for_its_program_only() -> None:
    def kill_running_worker(pool: WorkerPool) -> None:
        while pool.load[0] == 0:
            time.sleep(0.05)
        time.sleep(0.2)
        for worker in list(pool._workers):
            if worker.process.pid is not None:
                os.kill(worker.process.pid, signal.SIGKILL)

    settings = Settings(workers=1, time_limit_s=20.0, max_loop_iterations=10**12)
    crashed = run_in_pool(settings, [ENDLESS], during=kill_running_worker)[0]
    assert crashed["error"]["type"] == "WorkerCrashed"
    assert crashed["error"]["message"] == (
        "the sandbox process running this program stopped unexpectedly (signal 9)"
    )
    assert run_in_pool(settings, [NORMAL])[0]["stdout"] == "tensor(4.)\n"


def test_workers_are_recycled_after_their_job_allowance() -> None:
    async def scenario() -> tuple[list[str], list[int | None]]:
        pool = WorkerPool(Settings(workers=1, worker_max_jobs=1))
        await pool.start()
        try:
            first = pool._workers[0].process.pid
            # the second program waits for the worker that replaced the first one
            outputs = [(await pool.run(NORMAL, "en", None)).result["stdout"] for _ in range(2)]
            return outputs, [first, *(w.process.pid for w in pool._workers)]
        finally:
            await pool.stop()

    outputs, pids = asyncio.run(scenario())
    assert outputs == ["tensor(4.)\n", "tensor(4.)\n"]
    assert pids[0] not in pids[1:]


def test_full_queue_answers_503_with_retry_after() -> None:
    settings = Settings(
        workers=1,
        queue_size=1,
        time_limit_s=20.0,
        deadline_grace_s=-17.0,
        max_loop_iterations=10**12,
        rate_limit_enabled=False,
    )
    with TestClient(create_app(settings)) as client, concurrent.futures.ThreadPoolExecutor(2) as ex:
        slow = [ex.submit(client.post, "/api/run", json={"code": ENDLESS}) for _ in range(2)]
        deadline = time.monotonic() + 20
        while client.get("/healthz").json()["waiting"] < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        busy = client.post("/api/run", json={"code": NORMAL})
        assert busy.status_code == 503
        assert busy.headers["retry-after"] == str(settings.retry_after_s)
        assert "Traceback" not in busy.text
        for future in slow:
            assert future.result(timeout=30).json()["error"]["type"] == "TimeoutError"
        assert client.post("/api/run", json={"code": NORMAL}).json()["stdout"] == "tensor(4.)\n"


def test_saturated_pool_refuses_instead_of_queueing() -> None:
    async def scenario() -> bool:
        pool = WorkerPool(
            Settings(workers=1, queue_size=0, time_limit_s=20.0, deadline_grace_s=-18.0)
        )
        await pool.start()
        try:
            running = asyncio.create_task(pool.run(ENDLESS, "en", None))
            while pool.load[0] == 0:
                await asyncio.sleep(0.05)
            try:
                await pool.run(NORMAL, "en", None)
            except PoolSaturated:
                refused = True
            else:
                refused = False
            await running
            return refused
        finally:
            await pool.stop()

    assert asyncio.run(scenario())


def _limited_child(results: Any, path: str) -> None:
    limit_resources(Settings(memory_limit_mb=512))
    try:
        with open(path, "w") as handle:
            handle.write("x" * 10)
            handle.flush()
        results.put("wrote a file")
    except OSError as error:
        results.put(f"file: {error.strerror}")
    try:
        block = bytearray(1024 * 1024 * 1024)
        results.put(f"allocated {len(block)}")
    except MemoryError:
        results.put("memory: MemoryError")


def test_worker_os_limits_forbid_file_writes_and_large_memory(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    target = tmp_path / "written-by-a-worker"
    child = context.Process(target=_limited_child, args=(results, str(target)))
    child.start()
    child.join(timeout=60)
    outcomes = [results.get(timeout=5), results.get(timeout=5)]
    assert outcomes == ["file: File too large", "memory: MemoryError"]
    assert target.stat().st_size == 0


def test_a_cancelled_request_does_not_lose_its_worker() -> None:
    async def scenario() -> PoolAnswer:
        settings = Settings(workers=1, time_limit_s=20.0, max_loop_iterations=10**12)
        pool = WorkerPool(settings)
        await pool.start()
        try:
            running = asyncio.create_task(pool.run(ENDLESS, "en", None))
            while pool.load[0] == 0:
                await asyncio.sleep(0.05)
            running.cancel()  # the client went away while its program ran
            await asyncio.gather(running, return_exceptions=True)
            return await asyncio.wait_for(pool.run(NORMAL, "en", None), 30)
        finally:
            await pool.stop()

    assert asyncio.run(scenario()).result["stdout"] == "tensor(4.)\n"


def test_large_answers_arrive_whole_under_uvloop() -> None:
    # uvicorn runs on uvloop, whose add_reader leaves the pipe non-blocking: an answer larger
    # than the pipe buffer used to be cut off and reported as a crashed worker.
    import uvloop

    program = "import torch\nfor i in range(300):\n    print(torch.arange(40.0) * i)"

    async def scenario() -> list[RunResult]:
        pool = WorkerPool(Settings(workers=4))
        await pool.start()
        try:
            # several at once: a busy loop reads while workers are still writing
            runs = [pool.run(program, "en", None) for _ in range(24)]
            return [answer.result for answer in await asyncio.gather(*runs)]
        finally:
            await pool.stop()

    results = uvloop.run(scenario())
    for result in results:
        assert result["error"] is None
        assert len(result["stdout"]) > 64 * 1024
        assert result["stdout"].count("tensor(") == 300


def test_a_long_program_yields_the_cpu_and_its_worker_is_replaced() -> None:
    # Past half a second a worker lowers its priority (nice 19) so quick programs beside it stay
    # fast; since that cannot be undone, the pool starts a fresh worker for the next program.
    slow = "x = 0\nfor i in range(2000000):\n    x = x + 1\nprint(x)"
    settings = Settings(workers=1, time_limit_s=30.0, max_loop_iterations=10**7)

    async def scenario() -> tuple[PoolAnswer, int, list[int], list[int]]:
        pool = WorkerPool(settings)
        await pool.start()
        try:
            first = pool._workers[0].process.pid
            result = await pool.run(slow, "en", None)
            for _ in range(100):  # the replacement starts in the background
                if pool._workers and pool._workers[0].process.pid != first:
                    break
                await asyncio.sleep(0.05)
            pids = [w.process.pid for w in pool._workers]
            nice = [os.getpriority(os.PRIO_PROCESS, pid) for pid in pids if pid]
            return result, first or 0, [p or 0 for p in pids], nice
        finally:
            await pool.stop()

    result, first, pids, nice = asyncio.run(scenario())
    assert result.result["error"] is None and result.result["stdout"] == "2000000\n"
    assert result.run_ms > 500
    assert first not in pids and len(pids) == 1  # replaced …
    assert nice == [0]  # … by a worker at normal priority


def test_worker_time_is_reported_for_the_rate_limiter() -> None:
    with TestClient(create_app(Settings(workers=1, rate_limit_enabled=False))) as client:
        response = client.post("/api/run", json={"code": "print(1)", "lang": "en"})
    assert response.status_code == 200
    assert response.headers["server-timing"].startswith("run;dur=")
    assert "run_ms" not in response.json()
