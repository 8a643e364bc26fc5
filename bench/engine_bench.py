"""Engine benchmark: the same workloads on this engine, micrograd and (when available) PyTorch.

Workloads
- scalar chain: y = y * w + b repeated 2,000 times on 0-d tensors, then backward
  (4,000 recorded ops; micrograd runs the same on its scalar `Value`s);
- MLP step: a 2-layer MLP on a 16×32 batch (matmul, bias add, relu, mse loss), forward +
  backward + an SGD update under no_grad (micrograd: the same network on scalars, which shows
  why tensors matter rather than a fair per-op race).

Every timed run starts from `gc.collect()` with the collector left on. Each engine runs its
repetitions interleaved with the others in the same process run, so a busy machine slows all
of them alike; the table shows medians and the ratios to PyTorch (the target is ≤ 1.5×).

PyTorch is never a project dependency: pass `--torch-python /path/to/python` (a scratch
virtualenv with torch installed) and the torch rows are measured by that interpreter running
this same file in worker mode, interleaved with ours.

    python bench/engine_bench.py [--torch-python PATH] [--repeats N]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHAIN_LENGTH = 2000
BATCH, FEATURES, HIDDEN = 16, 32, 32


def chain_workload(torch: Any) -> tuple[Callable[[], None], int]:
    def run() -> None:
        x = torch.tensor(1.0, requires_grad=True)
        w = torch.tensor(0.999, requires_grad=True)
        b = torch.tensor(0.001, requires_grad=True)
        y = x
        for _ in range(CHAIN_LENGTH):
            y = y * w + b
        y.backward()

    return run, 2 * CHAIN_LENGTH


def mlp_workload(torch: Any) -> tuple[Callable[[], None], int]:
    torch.manual_seed(0)
    x = torch.randn(BATCH, FEATURES)
    target = torch.randn(BATCH, 1)
    w1 = (torch.randn(FEATURES, HIDDEN) * 0.1).requires_grad_()
    b1 = torch.zeros(HIDDEN, requires_grad=True)
    w2 = (torch.randn(HIDDEN, 1) * 0.1).requires_grad_()
    b2 = torch.zeros(1, requires_grad=True)
    params = (w1, b1, w2, b2)

    def run() -> None:
        hidden = (x @ w1 + b1).relu()
        out = hidden @ w2 + b2
        loss = ((out - target) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= 0.01 * p.grad
                p.grad = None

    # recorded ops per step: matmul, add, relu, matmul, add, sub, pow, mean
    return run, 8


def micrograd_chain() -> tuple[Callable[[], None], int]:
    from micrograd.engine import Value

    def run() -> None:
        x, w, b = Value(1.0), Value(0.999), Value(0.001)
        y = x
        for _ in range(CHAIN_LENGTH):
            y = y * w + b
        _iterative_backward(y)

    return run, 2 * CHAIN_LENGTH


def _iterative_backward(root: Any) -> None:
    """micrograd's backward, with its recursive topological sort made iterative.

    micrograd's own `backward()` recurses once per node and overflows Python's stack on a
    4,000-op chain; the per-node work is unchanged.
    """
    topo: list[Any] = []
    visited: set[Any] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            topo.append(node)
            continue
        if node in visited:
            continue
        visited.add(node)
        stack.append((node, True))
        stack.extend((child, False) for child in node._prev)
    root.grad = 1
    for node in reversed(topo):
        node._backward()


def micrograd_mlp() -> tuple[Callable[[], None], int]:
    import random

    from micrograd.nn import MLP

    random.seed(0)
    model = MLP(FEATURES, [HIDDEN, 1])
    xs = [[random.gauss(0, 1) for _ in range(FEATURES)] for _ in range(BATCH)]
    ys = [random.gauss(0, 1) for _ in range(BATCH)]

    def run() -> None:
        outs = [model(x) for x in xs]
        loss = sum((o - y) ** 2 for o, y in zip(outs, ys, strict=True)) * (1.0 / BATCH)
        _iterative_backward(loss)
        for p in model.parameters():
            p.data -= 0.01 * p.grad
            p.grad = 0

    # scalar ops in one step: every multiply, add, relu and the loss terms
    ops = BATCH * (FEATURES * HIDDEN * 2 + HIDDEN + HIDDEN * 2 + 1) + BATCH * 3
    return run, ops


def time_once(run: Callable[[], None]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def worker(module: str, workload: str, repeats: int) -> None:
    """Worker mode: time one workload on `module` and print JSON (used for torch)."""
    torch = importlib.import_module(module)
    torch.set_num_threads(1)  # one thread each: the engine's BLAS is pinned to one too
    make = chain_workload if workload == "chain" else mlp_workload
    run, ops = make(torch)
    for _ in range(3):  # warm-up: PyTorch's first calls initialise kernels lazily
        run()
    times = [time_once(run) for _ in range(repeats)]
    print(json.dumps({"times": times, "ops": ops}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torch-python", help="a Python interpreter that can `import torch`")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--worker", nargs=2, metavar=("MODULE", "WORKLOAD"))
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.repeats)
        return

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import engine

    contenders: dict[str, dict[str, tuple[Callable[[], None], int]]] = {
        "chain": {"engine": chain_workload(engine), "micrograd": micrograd_chain()},
        "mlp": {"engine": mlp_workload(engine), "micrograd": micrograd_mlp()},
    }
    results: dict[tuple[str, str], list[float]] = {}
    ops: dict[tuple[str, str], int] = {}
    for workload, runners in contenders.items():
        for name, (run, n_ops) in runners.items():
            run()
            ops[workload, name] = n_ops
            results[workload, name] = []
        # interleave: one repetition of each contender per round
        rounds = args.repeats if workload == "chain" else max(3, args.repeats // 2)
        for _ in range(rounds):
            for name, (run, _) in runners.items():
                results[workload, name].append(time_once(run))
            if args.torch_python:
                out = subprocess.run(
                    [args.torch_python, __file__, "--worker", "torch", workload, "--repeats", "3"],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                data = json.loads(out.stdout)
                results.setdefault((workload, "pytorch"), []).extend(data["times"])
                ops[workload, "pytorch"] = data["ops"]

    widths = ((8, "<"), (10, "<"), (7, ">"), (10, ">"), (8, ">"), (9, ">"))
    header = ("workload", "engine", "ops", "median ms", "µs/op", "vs torch")
    print(" ".join(f"{h:{a}{w}}" for h, (w, a) in zip(header, widths, strict=True)))
    for workload in contenders:
        torch_key = (workload, "pytorch")
        torch_per_op = (
            statistics.median(results[torch_key]) / ops[torch_key] if torch_key in results else None
        )
        for key in [k for k in results if k[0] == workload]:
            median = statistics.median(results[key])
            per_op = median / ops[key]
            ratio = "-"
            if torch_per_op:
                ratio = f"{median / statistics.median(results[torch_key]):.2f}×"
            print(
                f"{workload:<8} {key[1]:<10} {ops[key]:>7} {median * 1e3:>10.2f} "
                f"{per_op * 1e6:>8.2f} {ratio:>9}"
            )


if __name__ == "__main__":
    # single-threaded BLAS for a like-for-like comparison (set before numpy is imported)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    main()
