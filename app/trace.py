"""`ProgramTrace`: the graph JSON and the backward-step JSON of one program, from engine objects.

The interpreter registers every tensor it hands to the program and wraps each `backward()` /
`torch.autograd.grad()` call in `observe(trace.observer_for(line, kind))`. The engine reports its
real execution order; this module only records and names what it reports.

Ids are stable: tensors are "t1", "t2" … in registration (then discovery) order, grad_fn nodes
"f1", "f2" … in discovery order, so the same program always yields the same ids.

Size caps (see docs/architecture.md): MAX_BACKWARD_ENTRIES entries are kept (the most recent),
MAX_STEPS steps per entry, MAX_GRAPH_NODES graph nodes, and every value with more than
trace_value.MAX_ELEMENTS elements is sent as a summary.
"""

from __future__ import annotations

import weakref
from collections import deque
from typing import Any, Final

import numpy as np

from app.trace_graph import MAX_GRAPH_NODES, MAX_TEXT, GraphBuilder, walk
from app.trace_ledger import Ledger
from app.trace_value import JSONValue, value_json
from engine.autograd.function import AccumulateGrad, Node
from engine.autograd.observer import BackwardObserver, BackwardStart, NodeStep
from engine.tensor import Tensor

MAX_BACKWARD_ENTRIES: Final = 20
MAX_STEPS: Final = 400
# Recent tensors are kept alive (so the unnamed intermediates of the last graph can be drawn)
# up to this many, and this many elements; older ones are only weakly referenced.
MAX_HELD: Final = 20_000
MAX_HELD_ELEMENTS: Final = 4_000_000

JSONDict = dict[str, Any]


class ProgramTrace:
    """Everything the page needs to draw one program's graph and replay its backward passes."""

    def __init__(self) -> None:
        # id(obj) -> json id, for live objects only: a finalizer forgets an object when it dies,
        # so a reused id() never inherits an old json id. Nothing is kept alive by these maps.
        self._ids: dict[int, str] = {}
        self._objects: dict[str, weakref.ref[Any]] = {}
        self._counts = {"t": 0, "f": 0}
        self._held: deque[tuple[Tensor, int]] = deque()
        self._held_elements = 0
        self._creator: dict[int, weakref.ref[Tensor]] = {}  # id(grad_fn) -> its first tensor
        self._snapshots: dict[int, _NodeSnapshot] = {}  # saved values before they are freed
        self._entries: deque[JSONDict] = deque(maxlen=MAX_BACKWARD_ENTRIES)
        self._calls = 0
        self._last_roots: tuple[Tensor, ...] = ()

    # --- the interface the interpreter uses ------------------------------------------------------

    def observer_for(self, line: int, kind: str) -> BackwardObserver:
        """An observer recording one `backward()` (kind "backward") or "autograd.grad" call."""
        return _Recorder(self, line, kind)

    def register(self, tensor: Tensor) -> None:
        """Remember a tensor the program created (façade creation order gives the ids)."""
        if id(tensor) in self._ids:
            return
        self.tensor_id(tensor)
        self._hold(tensor)
        fn = tensor.grad_fn
        if fn is not None:
            self._creator.setdefault(id(fn), weakref.ref(tensor))
            self.node_id(fn)

    def finish(
        self, names: dict[str, Tensor], focus: str | None = None
    ) -> tuple[JSONDict, list[JSONDict]]:
        """The graph JSON and the backward entries, JSON-ready (non-finite numbers as strings)."""
        for tensor in names.values():
            self.register(tensor)
        for tensor, _ in self._held:  # in-place ops may have given a tensor a new grad_fn
            if tensor.grad_fn is not None:
                self._creator.setdefault(id(tensor.grad_fn), weakref.ref(tensor))
        labels = _names_by_tensor(self, names)
        graph = GraphBuilder(self, labels).build(names, focus)
        ledger = Ledger(labels, self._expression_parts)
        entries = [ledger.annotate(entry) for entry in self._entries]
        return graph, entries

    # --- ids and lookups (shared with the graph builder and the recorder) ------------------------

    def tensor_id(self, tensor: Tensor) -> str:
        return self._id_for(tensor, "t")

    def node_id(self, node: Node) -> str:
        return self._id_for(node, "f")

    @property
    def last_roots(self) -> tuple[Tensor, ...]:
        """The roots of the last backward() / autograd.grad call (empty before any)."""
        return self._last_roots

    def known_id(self, obj: object) -> str | None:
        return self._ids.get(id(obj))

    def object_of(self, json_id: str) -> object | None:
        ref = self._objects.get(json_id)
        return None if ref is None else ref()

    def _id_for(self, obj: object, prefix: str) -> str:
        key = id(obj)
        found = self._ids.get(key)
        if found is None:
            self._counts[prefix] += 1
            found = self._ids[key] = f"{prefix}{self._counts[prefix]}"
            self._objects[found] = weakref.ref(obj)
            # the finalizer must not keep this trace alive after the run
            weakref.finalize(obj, _forget, weakref.ref(self), key)
        return found

    def _forget(self, key: int) -> None:
        json_id = self._ids.pop(key, None)
        if json_id is not None:
            self._objects.pop(json_id, None)
        self._snapshots.pop(key, None)
        self._creator.pop(key, None)

    def _hold(self, tensor: Tensor) -> None:
        """Keep recent tensors alive within MAX_HELD / MAX_HELD_ELEMENTS, dropping the oldest."""
        numel = int(tensor._data.size)
        self._held.append((tensor, numel))
        self._held_elements += numel
        while self._held and (
            len(self._held) > MAX_HELD or self._held_elements > MAX_HELD_ELEMENTS
        ):
            _, dropped = self._held.popleft()
            self._held_elements -= dropped

    def output_of(self, node: Node) -> Tensor | None:
        """The tensor a grad_fn belongs to (the leaf for AccumulateGrad), if we know it."""
        if isinstance(node, AccumulateGrad):
            return node.variable
        ref = self._creator.get(id(node))
        return None if ref is None else ref()

    def snapshot(self, node: Node) -> _NodeSnapshot:
        """Saved values and local derivatives of `node`, taken before backward frees them."""
        snap = self._snapshots.get(id(node))
        if snap is None or snap.freed:
            snap = self._snapshots[id(node)] = _NodeSnapshot.take(node, self)
            self.node_id(node)
        return snap

    def _expression_parts(self, tensor_id: str) -> tuple[str, list[str | None]] | None:
        """(grad_fn name, operand tensor ids) of a tensor, for ledger labels like (w·x)."""
        tensor = self.object_of(tensor_id)
        if isinstance(tensor, Tensor) and tensor.grad_fn is not None:
            return _operands(self, tensor.grad_fn)
        return None

    # --- recording ------------------------------------------------------------------------------

    def _start_entry(self, line: int, kind: str, event: BackwardStart) -> JSONDict:
        self._calls += 1
        self._last_roots = event.roots
        for root in event.roots:
            self.register(root)
            if root.grad_fn is not None:
                for node in walk(root.grad_fn, MAX_GRAPH_NODES):
                    self.snapshot(node)
        steps: list[JSONDict] = []
        for root, grad in zip(event.roots, event.grads, strict=True):
            fn = root.grad_fn
            steps.append(
                {
                    "index": len(steps),
                    "kind": "seed",
                    "node": self.tensor_id(root),
                    "grad_fn": None if fn is None else self.node_id(fn),
                    "grad": value_json(grad),
                }
            )
        return {
            "line": line,
            "kind": kind,
            "call": self._calls,
            "root": self.tensor_id(event.roots[0]) if event.roots else None,
            "roots": [self.tensor_id(r) for r in event.roots],
            "retain_graph": event.retain_graph,
            "create_graph": event.create_graph,
            "steps": steps,
            "steps_dropped": 0,
        }

    def _step(self, step: NodeStep, index: int) -> JSONDict:
        node = step.node
        out = self.output_of(node)
        grad_output = value_json(step.grad_outputs[0]) if step.grad_outputs else None
        base: JSONDict = {
            "index": index,
            "node": self.node_id(node),
            "name": type(node).__name__,
            "tensor": None if out is None else self.tensor_id(out),
            "grad_output": grad_output,
        }
        if len(step.grad_outputs) > 1:
            base["grad_outputs"] = [value_json(g) for g in step.grad_outputs]
        if isinstance(node, AccumulateGrad):
            return {
                **base,
                "kind": "accumulate",
                "before": value_json(step.grad_before),
                "after": value_json(step.grad_after),
            }
        return {
            **base,
            "kind": "function",
            "saved": dict(self.snapshot(node).saved_ids),
            "inputs": self._inputs(node, step),
        }

    def _inputs(self, node: Node, step: NodeStep) -> list[JSONDict]:
        snap = self.snapshot(node)
        derivatives = type(node).derivatives
        inputs: list[JSONDict] = []
        for slot, (nxt, _nr) in enumerate(node.next_functions):
            d = derivatives[slot] if slot < len(derivatives) else None
            receiver = None if nxt is None else self.output_of(nxt)
            g = step.grad_inputs[slot] if slot < len(step.grad_inputs) else None
            local = snap.local_values[slot] if slot < len(snap.local_values) else None
            inputs.append(
                {
                    "slot": slot,
                    "to": None if nxt is None else self.node_id(nxt),
                    "tensor": None if receiver is None else self.tensor_id(receiver),
                    "input": f"input{slot}" if d is None else d.input,
                    "local": None if d is None else d.local,
                    "local_latex": None if d is None else d.local_latex,
                    "grad_formula": None if d is None else d.grad,
                    "local_value": local,
                    # an input that needs no gradient gets none, as in PyTorch
                    "contribution": None if nxt is None else value_json(g),
                }
            )
        return inputs

    def _end_entry(self, entry: JSONDict) -> None:
        self._entries.append(entry)


def _forget(trace_ref: weakref.ref[ProgramTrace], key: int) -> None:
    trace = trace_ref()
    if trace is not None:
        trace._forget(key)


class _Recorder:
    """The observer for one backward call: turns engine steps into step JSON as they happen."""

    def __init__(self, trace: ProgramTrace, line: int, kind: str) -> None:
        self._trace = trace
        self._line = line
        self._kind = kind
        self._entry: JSONDict | None = None

    def on_backward_start(self, event: BackwardStart) -> None:
        self._entry = self._trace._start_entry(self._line, self._kind, event)

    def on_step(self, step: NodeStep) -> None:
        entry = self._entry
        if entry is None:
            return
        steps: list[JSONDict] = entry["steps"]
        if len(steps) >= MAX_STEPS:
            entry["steps_dropped"] += 1
            return
        steps.append(self._trace._step(step, len(steps)))

    def on_backward_end(self) -> None:
        if self._entry is not None:
            self._trace._end_entry(self._entry)
            self._entry = None


class _NodeSnapshot:
    """What a node saved (as text and tensor ids) and its local derivative values."""

    __slots__ = ("freed", "local_values", "saved_ids", "saved_text")

    def __init__(
        self,
        saved_text: dict[str, str | None],
        saved_ids: dict[str, str],
        local_values: list[JSONValue],
        freed: bool,
    ) -> None:
        self.saved_text = saved_text
        self.saved_ids = saved_ids
        self.local_values = local_values
        self.freed = freed

    @classmethod
    def take(cls, node: Node, trace: ProgramTrace) -> _NodeSnapshot:
        saved = node.saved_values()
        freed = bool(getattr(node, "_released", False))
        text: dict[str, str | None] = {}
        ids: dict[str, str] = {}
        for key, value in saved.items():
            text[key] = _saved_text(value)
            if isinstance(value, Tensor):
                known = trace.known_id(value)
                if known is not None:
                    ids[key] = known
        try:
            locals_ = [value_json(v) for v in node.local_values()]
        except Exception:  # display only: it must never fail the user's backward
            # (e.g. saved tensors modified in place); the ledger then shows formulas only
            locals_ = [None for _ in node.next_functions]
        return cls(text, ids, locals_, freed)


def _saved_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Tensor):
        text = repr(value)
    elif isinstance(value, np.ndarray):
        text = np.array2string(value, threshold=MAX_TEXT // 10)
    else:
        text = repr(value)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _operands(trace: ProgramTrace, fn: Node) -> tuple[str, list[str | None]]:
    """Tensor ids feeding `fn`: the saved self/other, else the tensors behind next_functions."""
    snap = trace.snapshot(fn)
    operands: list[str | None] = []
    for slot, (nxt, _) in enumerate(fn.next_functions):
        d = type(fn).derivatives
        key = d[slot].input if slot < len(d) else None
        tid = snap.saved_ids.get(key) if key is not None else None
        if tid is None and nxt is not None:
            receiver = trace.output_of(nxt)
            tid = None if receiver is None else trace.known_id(receiver)
        operands.append(tid)
    return type(fn).__name__, operands


def _names_by_tensor(trace: ProgramTrace, names: dict[str, Tensor]) -> dict[str, str]:
    """tensor id -> the first user name bound to it."""
    labels: dict[str, str] = {}
    for name, tensor in names.items():
        labels.setdefault(trace.tensor_id(tensor), name)
    return labels
