"""Server-side render time: graph JSON → DOT → `dot -Tsvg` → clean SVG, tuned vs Graphviz defaults.

Graphs come from real engine programs traced by ProgramTrace: the article's `y = w*x + b`, and
micrograd-style scalar MLPs (every weight a tensor, tanh neurons, inputs shared by every neuron)
grown until they have about 50, 200 and `max_nodes` graph nodes, plus one twice the cap (drawn
collapsed). Each render uses a fresh cache, so `dot` really runs; "cached" is a repeat hit.

    .venv/bin/python bench/render_bench.py [--repeat 3] [--default-timeout 60]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import engine as torch
from app.render.cache import SVGCache
from app.render.dot import graph_to_dot
from app.render.options import DEFAULT_OPTIONS, RenderOptions
from app.render.pipeline import render_graph
from app.trace.program_trace import ProgramTrace
from engine.autograd.observer import observe


def article_graph() -> dict[str, Any]:
    trace = ProgramTrace()
    names: dict[str, Any] = {}
    for name, value in (("x", 1.0), ("w", 2.0), ("b", 3.0)):
        names[name] = torch.tensor([value], requires_grad=True)
        trace.register(names[name])
    names["y"] = names["w"] * names["x"] + names["b"]
    trace.register(names["y"])
    with observe(trace.observer_for(5, "backward")):
        names["y"].backward()
    graph, _ = trace.finish(names, None)
    return graph


def mlp_graph(target_nodes: int) -> dict[str, Any]:
    """The widest 2-layer scalar MLP whose graph has at most `target_nodes` nodes."""
    best: dict[str, Any] | None = None
    for hidden in range(1, 64):
        for out_width in (hidden, hidden + 1):
            graph = _mlp(hidden, out_width)
            if len(graph["nodes"]) > target_nodes:
                return best if best is not None else graph
            best = graph
    return best if best is not None else _mlp(1, 1)


def _mlp(hidden: int, out_width: int) -> dict[str, Any]:
    """x (3 inputs that require grad) → tanh layer → tanh layer → sum: a dense DAG, not a tree."""
    trace = ProgramTrace()

    def track(t: Any) -> Any:
        trace.register(t)
        return t

    def layer(inputs: list[Any], width: int, seed: int) -> list[Any]:
        outputs = []
        for j in range(width):
            act = track(torch.tensor(0.01 * (j + seed), requires_grad=True))
            for i, x in enumerate(inputs):
                w = track(torch.tensor(0.3 - 0.1 * i + 0.01 * j, requires_grad=True))
                act = track(act + track(w * x))
            outputs.append(track(act.tanh()))
        return outputs

    xs = [track(torch.tensor(v, requires_grad=True)) for v in (0.5, -1.0, 2.0)]
    outs = layer(layer(xs, hidden, 0), out_width, hidden)
    loss = outs[0]
    for o in outs[1:]:
        loss = track(loss + o)
    with observe(trace.observer_for(1, "backward")):
        loss.backward()
    graph, _ = trace.finish({"loss": loss}, None)
    return graph


def rnn_graph(target_nodes: int) -> dict[str, Any]:
    """The longest scalar RNN (3 shared weights) whose graph has at most `target_nodes` nodes."""
    best: dict[str, Any] | None = None
    for steps in range(1, 200):
        graph = _rnn(steps)
        if len(graph["nodes"]) > target_nodes:
            return best if best is not None else graph
        best = graph
    return best if best is not None else _rnn(1)


def _rnn(steps: int) -> dict[str, Any]:
    """h = tanh(h*w + x*u + x*v) unrolled: every step uses the same w, u, v (long edges)."""
    trace = ProgramTrace()

    def track(t: Any) -> Any:
        trace.register(t)
        return t

    w, u, v = (track(torch.tensor(0.5 + 0.1 * i, requires_grad=True)) for i in range(3))
    h = track(torch.tensor(0.0, requires_grad=True))
    for s in range(steps):
        x = track(torch.tensor(0.1 * s))
        h = track(track(track(track(h * w) + track(x * u)) + track(x * v)).tanh())
    with observe(trace.observer_for(1, "backward")):
        h.backward()
    graph, _ = trace.finish({"h": h}, None)
    return graph


def _cpu() -> float:
    """CPU seconds of this process and its finished children (`dot`): fair on a shared machine."""
    own = time.process_time()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + kids.ru_utime + kids.ru_stime


def time_render(
    graph: dict[str, Any], options: RenderOptions, repeat: int
) -> tuple[float, float, str]:
    """Median wall and CPU seconds of full renders (fresh cache each time), and the outcome."""
    walls, cpus = [], []
    outcome = "ok"
    for _ in range(repeat):
        cpu, start = _cpu(), time.perf_counter()
        result = render_graph(graph, options=options, cache=SVGCache(options.cache_bytes))
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
        if result.svg is None:
            outcome = result.error or "no svg"
            break
        if result.collapsed:
            outcome = f"collapsed to {result.shown}"
    return statistics.median(walls), statistics.median(cpus), outcome


def time_cached(graph: dict[str, Any], options: RenderOptions) -> float:
    cache = SVGCache(options.cache_bytes)
    render_graph(graph, options=options, cache=cache)
    start = time.perf_counter()
    render_graph(graph, options=options, cache=cache)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--default-timeout", type=float, default=60.0)
    args = parser.parse_args()

    cap = DEFAULT_OPTIONS.max_nodes
    tuned = replace(DEFAULT_OPTIONS, timeout_s=60.0)
    # Graphviz's own layout effort, and no collapsing, so it draws the same graph
    default = replace(tuned, tuned=False, timeout_s=args.default_timeout)
    cases = [("article y = w*x + b", article_graph())]
    cases += [(f"MLP ≤{n} nodes", mlp_graph(n)) for n in (50, 200, cap)]
    cases += [(f"RNN, shared weights ≤{n} nodes", rnn_graph(n)) for n in (50, 200, cap)]
    cases.append((f"MLP ≤{2 * cap} nodes (collapsed)", mlp_graph(2 * cap)))

    print(f"max_nodes={cap} layout_budget={tuned.layout_budget} nslimit={tuned.nslimit:g} "
          f"mclimit={tuned.mclimit:g} searchsize={tuned.searchsize} repeat={args.repeat} "
          f"load={os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"{'graph':32} {'nodes':>5} {'edges':>5} {'cost':>5} {'tuned s':>8} {'cpu s':>6} "
          f"{'cached ms':>9} {'default s':>9} {'cpu s':>6}  notes")  # fmt: skip
    for label, graph in cases:
        n, e = len(graph["nodes"]), len(graph["edges"])
        cost = graph_to_dot(graph, tuned).cost
        wall, cpu, outcome = time_render(graph, tuned, args.repeat)
        cached = time_cached(graph, tuned)
        default_text, note = f"{'—':>9} {'—':>6}", outcome
        if n <= cap:
            d_wall, d_cpu, d_outcome = time_render(graph, default, 1)
            default_text = f"{d_wall:9.3f} {d_cpu:6.3f}"
            if d_outcome != "ok":
                default_text = f"{'>' + format(args.default_timeout, 'g'):>9} {'—':>6}"
                note = f"{outcome}; default: {d_outcome}"
        print(f"{label:32} {n:5d} {e:5d} {cost:5d} {wall:8.3f} {cpu:6.3f} "
              f"{cached * 1000:9.2f} {default_text}  {note}")  # fmt: skip


if __name__ == "__main__":
    main()
