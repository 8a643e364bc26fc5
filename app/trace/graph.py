"""Which graph a program's JSON shows, and its nodes (tensors and grad_fns) and edges."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Final

from app.contract import (
    EdgeKind,
    FunctionNode,
    GraphEdge,
    GraphJSON,
    GraphMode,
    GraphNode,
    TensorNode,
    TensorRole,
)
from app.trace.registry import TraceRegistry
from app.trace.value import clipped_text, value_json
from engine.autograd.function import AccumulateGrad, Node
from engine.tensor import Tensor

MAX_GRAPH_NODES: Final = 1500


def walk(start: Node, limit: int) -> list[Node]:
    """Nodes reachable from `start`, breadth-first in edge order, at most `limit`."""
    seen = {id(start)}
    order = [start]
    queue = deque([start])
    while queue and len(order) < limit:
        node = queue.popleft()
        for nxt, _ in node.next_functions:
            if nxt is not None and id(nxt) not in seen:
                seen.add(id(nxt))
                order.append(nxt)
                queue.append(nxt)
    return order[:limit]


class GraphBuilder:
    """Builds the graph JSON: which graph, its nodes (tensors and grad_fns) and its edges."""

    def __init__(
        self,
        registry: TraceRegistry,
        labels: dict[str, str],
        last_roots: tuple[Tensor, ...],
        label_of: Callable[[str], str] | None = None,
    ) -> None:
        self._registry = registry
        self._last_roots = last_roots
        self._labels = labels
        # the ledger's label: the same words in the graph, the steps and the accessible names
        self._label_of = label_of if label_of is not None else (lambda tid: labels.get(tid, "…"))
        self._nodes: dict[str, GraphNode] = {}
        self._edges: list[GraphEdge] = []
        self._edge_keys: set[tuple[str, str, int | None, str]] = set()
        self._dropped: set[str] = set()
        self._roots: set[str] = set()

    def build(self, names: dict[str, Tensor], focus: str | None) -> GraphJSON:
        focus_tensor = names.get(focus) if focus is not None else None
        mode: GraphMode
        if focus_tensor is not None:
            mode, roots = "focus", [focus_tensor]
        elif self._last_roots:
            mode, roots = "backward", list(self._last_roots)
        else:
            mode, roots = "names", list(names.values())
        self._roots = {self._registry.tensor_id(r) for r in roots}
        for root in roots:
            self._add_tensor(root)
            if root.grad_fn is not None:
                self._add_graph(root, root.grad_fn)
        if mode != "names":
            self._add_saved_named(names)
        return {
            "nodes": list(self._nodes.values()),
            "edges": self._edges,
            "root": self._registry.tensor_id(roots[0]) if roots else None,
            "roots": [self._registry.tensor_id(r) for r in roots],
            "mode": mode,
            "focus": focus if focus_tensor is not None else None,
            "collapsed": False,
            "truncated": len(self._dropped),
        }

    def _full(self, json_id: str) -> bool:
        """True when the node is not in the graph and there is no room for it (it is dropped)."""
        if json_id in self._nodes or len(self._nodes) < MAX_GRAPH_NODES:
            return False
        self._dropped.add(json_id)
        return True

    def _add_graph(self, root: Tensor, start: Node) -> None:
        registry = self._registry
        root_fid = self._add_function(start)
        if root_fid is None:
            return
        self._edge(registry.tensor_id(root), root_fid, None, "grad_fn")
        for node in walk(start, MAX_GRAPH_NODES):
            fid = self._add_function(node)
            if fid is None:
                continue
            out = registry.output_of(node)
            tid = None if out is None else self._add_tensor(out)
            if tid is not None and isinstance(node, AccumulateGrad):
                self._edge(fid, tid, None, "accumulate")
            elif tid is not None:
                self._edge(tid, fid, None, "grad_fn")
            for slot, (nxt, _) in enumerate(node.next_functions):
                nid = None if nxt is None else self._add_function(nxt)
                if nid is not None:
                    self._edge(fid, nid, slot, "next")

    def _add_saved_named(self, names: dict[str, Tensor]) -> None:
        """Named tensors a grad_fn saved (like x in w*x, which needs no grad) join as inputs.

        Only tensors no other edge reaches: a leaf already drawn with its AccumulateGrad needs
        no second, dotted edge.
        """
        registry = self._registry
        before = set(self._nodes)
        named = {registry.tensor_id(t) for t in names.values()} - before
        for fid, node_json in list(self._nodes.items()):
            node = registry.object_of(fid)
            if node_json["kind"] != "function" or not isinstance(node, Node):
                continue
            owner = node_json["tensor"]
            for key, tid in registry.snapshot(node).saved_ids.items():
                tensor = registry.object_of(tid)
                if tid == owner or not isinstance(tensor, Tensor):
                    continue
                if tid in named and self._add_tensor(tensor):
                    self._edge(tid, fid, None, "saved", saved=key)

    def _edge(
        self, src: str, dst: str, slot: int | None, kind: EdgeKind, saved: str | None = None
    ) -> None:
        key = (src, dst, slot, kind)
        if key in self._edge_keys:
            return
        self._edge_keys.add(key)
        edge: GraphEdge = {"from": src, "to": dst, "slot": slot, "kind": kind}
        if saved is not None:
            edge["saved"] = saved
        self._edges.append(edge)

    def _add_tensor(self, t: Tensor) -> str | None:
        tid = self._registry.tensor_id(t)
        if self._full(tid):
            return None
        if tid not in self._nodes:
            self._nodes[tid] = _tensor_json(
                t, tid, self._labels.get(tid), self._label_of(tid), self._role(t, tid)
            )
        return tid

    def _role(self, t: Tensor, tid: str) -> TensorRole:
        if tid in self._roots and t.grad_fn is not None:
            return "output"
        if t.requires_grad and t.is_leaf:
            return "leaf"
        return "intermediate" if t.grad_fn is not None else "constant"

    def _add_function(self, node: Node) -> str | None:
        registry = self._registry
        fid = registry.node_id(node)
        if self._full(fid):
            return None
        if fid not in self._nodes:
            snap = registry.snapshot(node)
            out = registry.output_of(node)
            function: FunctionNode = {
                "id": fid,
                "kind": "function",
                "name": type(node).__name__,
                "tensor": None if out is None else registry.tensor_id(out),
                "saved": dict(snap.saved_text),
                "freed": bool(getattr(node, "_released", False)),
            }
            self._nodes[fid] = function
        return fid


def _tensor_json(t: Tensor, tid: str, name: str | None, label: str, role: TensorRole) -> TensorNode:
    grad = t._grad  # the property warns for non-leaves; the graph shows every grad as it is
    return {
        "id": tid,
        "kind": "tensor",
        "name": name,
        "label": label,
        "role": role,
        "shape": list(t.shape),
        "dtype": str(t.dtype),
        "data": value_json(t._data),
        "grad": None if grad is None else value_json(grad._data),
        "requires_grad": t.requires_grad,
        "is_leaf": t.is_leaf,
        "grad_fn": None if t.grad_fn is None else type(t.grad_fn).__name__,
        "retains_grad": t.retains_grad,
        "text": clipped_text(repr(t)),
    }
