"""API benchmark: the article's `y = w*x + b` program through a real server on 127.0.0.1.

Starts `uvicorn app.main:app` in a subprocess (rate limiting off, default worker pool), sends the
program from 1, 8 and 32 concurrent clients, and prints p50/p99 latency and throughput, then the
sandbox's overhead over running the same program directly on the engine. Bounded: every phase
has a request count and the whole run a time limit; the server is stopped at the end.

    .venv/bin/python bench/api_bench.py [--requests 200] [--port 8765]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402
from app.config import Settings  # noqa: E402
from app.worker.pool import WorkerPool  # noqa: E402
from app.worker.program import run_program  # noqa: E402
from engine.autograd import Variable  # noqa: E402

ARTICLE_PROGRAM = """import torch
from torch.autograd import Variable
x = Variable(torch.Tensor([1]), requires_grad=True)
w = Variable(torch.Tensor([2]), requires_grad=True)
b = Variable(torch.Tensor([3]), requires_grad=True)
y = w * x + b
y.backward()
print(x.grad, w.grad, b.grad)
"""
CONCURRENCY = (1, 8, 32)
TIME_LIMIT_S = 600.0


def article_on_engine() -> str:
    """The same program written directly against the engine (no sandbox, no server)."""
    x = Variable(engine.Tensor([1]), requires_grad=True)
    w = Variable(engine.Tensor([2]), requires_grad=True)
    b = Variable(engine.Tensor([3]), requires_grad=True)
    y = w * x + b
    y.backward()
    return f"{x.grad} {w.grad} {b.grad}\n"


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def sandbox_round_trip(count: int) -> float:
    """Median seconds for the article program through a real worker pool (no HTTP)."""
    pool = WorkerPool(Settings(workers=1))
    await pool.start()
    try:
        for _ in range(20):  # warm up the worker
            await pool.run(ARTICLE_PROGRAM, "en", None)
        times = []
        for _ in range(count):
            start = time.perf_counter()
            await pool.run(ARTICLE_PROGRAM, "en", None)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        await pool.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "AUTOGRAD_LAB_RATE_LIMIT_ENABLED": "false",
        "AUTOGRAD_LAB_QUEUE_SIZE": "256",
    }
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def measure(base: str, clients: int, requests: int) -> tuple[list[float], float, int]:
    """Latencies (s) of `requests` POSTs from `clients` concurrent clients, wall time, errors.

    The clients are asyncio tasks in one thread, so the load generator itself stays light on
    the two cores it shares with the server.
    """

    async def one_client(client: httpx.AsyncClient, count: int) -> tuple[list[float], int]:
        latencies, errors = [], 0
        for _ in range(count):
            start = time.perf_counter()
            response = await client.post("/api/run", json={"code": ARTICLE_PROGRAM})
            latencies.append(time.perf_counter() - start)
            ok = response.status_code == 200 and response.json()["error"] is None
            errors += 0 if ok else 1
        return latencies, errors

    async def run_all() -> list[tuple[list[float], int]]:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
            shares = [requests // clients + (i < requests % clients) for i in range(clients)]
            return await asyncio.gather(*(one_client(client, n) for n in shares))

    start = time.perf_counter()
    outcomes = asyncio.run(run_all())
    wall = time.perf_counter() - start
    latencies = [latency for result, _ in outcomes for latency in result]
    return latencies, wall, sum(errors for _, errors in outcomes)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per concurrency level")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    options = parser.parse_args()
    started = time.monotonic()

    direct = median_seconds(article_on_engine, 300)
    in_process = median_seconds(lambda: run_program(ARTICLE_PROGRAM), 300)
    sandboxed = asyncio.run(sandbox_round_trip(300))
    print(f"direct on the engine            p50 {direct * 1e3:7.3f} ms")
    print(f"run_program in-process          p50 {in_process * 1e3:7.3f} ms  (interpreter + trace)")
    print(
        f"through the sandbox (pool.run)  p50 {sandboxed * 1e3:7.3f} ms  (worker process, OS "
        "limits, interpreter, trace, pipe)"
    )
    print(f"sandbox overhead over the engine at p50: {(sandboxed - direct) * 1e3:.2f} ms")

    port = options.port or free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        measure(base, 2, 20)  # warm up: workers, render cache, connections
        p50_single = None
        print(f"\nPOST /api/run, {options.requests} requests per level, server on {base}")
        print("clients   p50 ms   p99 ms   req/s   errors")
        for clients in CONCURRENCY:
            if time.monotonic() - started > TIME_LIMIT_S:
                print("time limit reached; stopping")
                break
            latencies, wall, errors = measure(base, clients, options.requests)
            p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
            p50_single = p50 if clients == 1 else p50_single
            print(
                f"{clients:7d} {p50 * 1e3:8.2f} {p99 * 1e3:8.2f} "
                f"{len(latencies) / wall:7.1f} {errors:8d}"
            )
        if p50_single is not None:
            overhead = (p50_single - direct) * 1e3
            print(f"\nwhole request at p50 (1 client), over the engine: {overhead:.2f} ms")
            print(f"  of which the sandbox: {(sandboxed - direct) * 1e3:.2f} ms; the rest is HTTP,")
            print("  middleware, rendering the SVG (cache hit) and JSON")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
