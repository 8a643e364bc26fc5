"""The observer of one `backward()` / `autograd.grad` call: engine steps → step JSON as they run.

The engine reports its real execution order; this module only records and names what it
reports. Entries are kept in a `BackwardLog`, the most recent MAX_BACKWARD_ENTRIES of them, each
with at most MAX_STEPS steps (further ones are counted in `steps_dropped`).
"""

from __future__ import annotations

from collections import deque
from typing import Final

from app.contract import (
    AccumulateStep,
    BackwardEntry,
    BackwardKind,
    BackwardStep,
    FunctionStep,
    SeedStep,
    StepInput,
)
from app.trace.graph import MAX_GRAPH_NODES, walk
from app.trace.registry import TraceRegistry
from app.trace.value import value_json
from engine.autograd.function import AccumulateGrad, Node
from engine.autograd.observer import BackwardStart, NodeStep
from engine.tensor import Tensor

MAX_BACKWARD_ENTRIES: Final = 20
MAX_STEPS: Final = 400


class BackwardLog:
    """The backward entries of one program: the most recent ones, and how many calls there were."""

    def __init__(self) -> None:
        self.entries: deque[BackwardEntry] = deque(maxlen=MAX_BACKWARD_ENTRIES)
        self.calls = 0
        self.last_roots: tuple[Tensor, ...] = ()


class Recorder:
    """The observer for one backward call: turns engine steps into step JSON as they happen."""

    def __init__(
        self, registry: TraceRegistry, log: BackwardLog, line: int, kind: BackwardKind
    ) -> None:
        self._registry = registry
        self._log = log
        self._line = line
        self._kind = kind
        self._entry: BackwardEntry | None = None

    def on_backward_start(self, event: BackwardStart) -> None:
        self._entry = self._start_entry(event)

    def on_step(self, step: NodeStep) -> None:
        entry = self._entry
        if entry is None:
            return
        steps = entry["steps"]
        if len(steps) >= MAX_STEPS:
            entry["steps_dropped"] += 1
            return
        steps.append(self._step(step, len(steps)))

    def on_backward_end(self) -> None:
        if self._entry is not None:
            self._log.entries.append(self._entry)
            self._entry = None

    def _start_entry(self, event: BackwardStart) -> BackwardEntry:
        registry, log = self._registry, self._log
        log.calls += 1
        log.last_roots = event.roots
        for root in event.roots:
            registry.register(root)
            if root.grad_fn is not None:
                for node in walk(root.grad_fn, MAX_GRAPH_NODES):
                    registry.snapshot(node)
        steps: list[BackwardStep] = []
        for root, grad in zip(event.roots, event.grads, strict=True):
            fn = root.grad_fn
            seed: SeedStep = {
                "index": len(steps),
                "kind": "seed",
                "node": registry.tensor_id(root),
                "grad_fn": None if fn is None else registry.node_id(fn),
                "grad": value_json(grad),
                "text": "",  # the ledger writes the chain-rule text once the names are known
                "latex": "",
            }
            steps.append(seed)
        return {
            "line": self._line,
            "kind": self._kind,
            "call": log.calls,
            "root": registry.tensor_id(event.roots[0]) if event.roots else None,
            "roots": [registry.tensor_id(r) for r in event.roots],
            "retain_graph": event.retain_graph,
            "create_graph": event.create_graph,
            "steps": steps,
            "steps_dropped": 0,
        }

    def _step(self, step: NodeStep, index: int) -> BackwardStep:
        registry = self._registry
        node = step.node
        out = registry.output_of(node)
        node_id = registry.node_id(node)
        name = type(node).__name__
        tensor = None if out is None else registry.tensor_id(out)
        grad_output = value_json(step.grad_outputs[0]) if step.grad_outputs else None
        result: BackwardStep
        if isinstance(node, AccumulateGrad):
            accumulate: AccumulateStep = {
                "index": index,
                "kind": "accumulate",
                "node": node_id,
                "name": name,
                "tensor": tensor,
                "grad_output": grad_output,
                "before": value_json(step.grad_before),
                "after": value_json(step.grad_after),
                "text": "",  # written by the ledger
                "latex": "",
            }
            result = accumulate
        else:
            function: FunctionStep = {
                "index": index,
                "kind": "function",
                "node": node_id,
                "name": name,
                "tensor": tensor,
                "grad_output": grad_output,
                "saved": dict(registry.snapshot(node).saved_ids),
                "inputs": self._inputs(node, step),
            }
            result = function
        if len(step.grad_outputs) > 1:
            result["grad_outputs"] = [value_json(g) for g in step.grad_outputs]
        return result

    def _inputs(self, node: Node, step: NodeStep) -> list[StepInput]:
        registry = self._registry
        snap = registry.snapshot(node)
        derivatives = type(node).derivatives
        inputs: list[StepInput] = []
        for slot, (nxt, _nr) in enumerate(node.next_functions):
            d = derivatives[slot] if slot < len(derivatives) else None
            receiver = None if nxt is None else registry.output_of(nxt)
            g = step.grad_inputs[slot] if slot < len(step.grad_inputs) else None
            local = snap.local_values[slot] if slot < len(snap.local_values) else None
            inputs.append(
                {
                    "slot": slot,
                    "to": None if nxt is None else registry.node_id(nxt),
                    "tensor": None if receiver is None else registry.tensor_id(receiver),
                    "input": f"input{slot}" if d is None else d.input,
                    "local": None if d is None else d.local,
                    "local_latex": None if d is None else d.local_latex,
                    "grad_formula": None if d is None else d.grad,
                    "local_value": local,
                    # an input that needs no gradient gets none, as in PyTorch
                    "contribution": None if nxt is None else value_json(g),
                    "text": "",  # written by the ledger
                    "latex": "",
                }
            )
        return inputs
