"""`ProgramTrace`: the graph JSON and the backward-step JSON of one program, from engine objects.

The interpreter registers every tensor it hands to the program and wraps each `backward()` /
`torch.autograd.grad()` call in `observe(trace.observer_for(line, kind))`. At the end,
`finish` builds the graph (`app.trace.graph`) and writes the chain-rule ledger into the recorded
steps (`app.trace.ledger`).

Size caps (see docs/architecture.md): MAX_BACKWARD_ENTRIES entries are kept (the most recent),
MAX_STEPS steps per entry, MAX_GRAPH_NODES graph nodes, and every value with more than
value.MAX_ELEMENTS elements is sent as a summary.
"""

from __future__ import annotations

from app.contract import BackwardEntry, BackwardKind, GraphJSON
from app.trace.graph import GraphBuilder
from app.trace.ledger import Ledger
from app.trace.recorder import BackwardLog, Recorder
from app.trace.registry import TraceRegistry
from engine.autograd.function import Node
from engine.autograd.observer import BackwardObserver
from engine.tensor import Tensor


class ProgramTrace:
    """Everything the page needs to draw one program's graph and replay its backward passes."""

    def __init__(self) -> None:
        self._registry = TraceRegistry()
        self._log = BackwardLog()

    def observer_for(self, line: int, kind: BackwardKind) -> BackwardObserver:
        """An observer recording one `backward()` (kind "backward") or "autograd.grad" call."""
        return Recorder(self._registry, self._log, line, kind)

    def register(self, tensor: Tensor) -> None:
        """Remember a tensor the program created (façade creation order gives the ids)."""
        self._registry.register(tensor)

    def tensor_id(self, tensor: Tensor) -> str:
        """The tensor's JSON id ("t1", …), given now if it has none yet."""
        return self._registry.tensor_id(tensor)

    def finish(
        self, names: dict[str, Tensor], focus: str | None = None
    ) -> tuple[GraphJSON, list[BackwardEntry]]:
        """The graph JSON and the backward entries, JSON-ready (non-finite numbers as strings)."""
        registry = self._registry
        for tensor in names.values():
            registry.register(tensor)
        registry.refresh_creators()
        labels = _names_by_tensor(registry, names)
        ledger = Ledger(labels, self._expression_parts)
        graph = GraphBuilder(
            registry, labels, self._log.last_roots, lambda tid: ledger.label(tid)[0]
        ).build(names, focus)
        entries = [ledger.annotate(entry) for entry in self._log.entries]
        return graph, entries

    def _expression_parts(self, tensor_id: str) -> tuple[str, list[str | None]] | None:
        """(grad_fn name, operand tensor ids) of a tensor, for ledger labels like (w·x)."""
        tensor = self._registry.object_of(tensor_id)
        if isinstance(tensor, Tensor) and tensor.grad_fn is not None:
            return _operands(self._registry, tensor.grad_fn)
        return None


def _operands(registry: TraceRegistry, fn: Node) -> tuple[str, list[str | None]]:
    """Tensor ids feeding `fn`: the saved self/other, else the tensors behind next_functions."""
    snap = registry.snapshot(fn)
    operands: list[str | None] = []
    for slot, (nxt, _) in enumerate(fn.next_functions):
        d = type(fn).derivatives
        key = d[slot].input if slot < len(d) else None
        tid = snap.saved_ids.get(key) if key is not None else None
        if tid is None and nxt is not None:
            receiver = registry.output_of(nxt)
            tid = None if receiver is None else registry.known_id(receiver)
        operands.append(tid)
    return type(fn).__name__, operands


def _names_by_tensor(registry: TraceRegistry, names: dict[str, Tensor]) -> dict[str, str]:
    """tensor id -> the first user name bound to it."""
    labels: dict[str, str] = {}
    for name, tensor in names.items():
        labels.setdefault(registry.tensor_id(tensor), name)
    return labels
