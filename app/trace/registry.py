"""Stable JSON ids for a program's tensors and grad_fns, and what is known about each of them.

Ids are stable: tensors are "t1", "t2" … in registration (then discovery) order, grad_fn nodes
"f1", "f2" … in discovery order, so the same program always yields the same ids. The registry
also remembers which tensor a grad_fn belongs to and each node's snapshot (its saved values,
taken before backward frees them), and keeps recent tensors alive so the unnamed intermediates
of the last graph can still be drawn.
"""

from __future__ import annotations

import weakref
from collections import deque
from typing import Any, Final

from app.trace.snapshot import NodeSnapshot
from engine.autograd.function import AccumulateGrad, Node
from engine.tensor import Tensor

# Recent tensors are kept alive (so the unnamed intermediates of the last graph can be drawn)
# up to this many, and this many elements; older ones are only weakly referenced.
MAX_HELD: Final = 20_000
MAX_HELD_ELEMENTS: Final = 4_000_000


class TraceRegistry:
    """Ids, weak references, grad_fn owners and node snapshots of one program's objects."""

    def __init__(self) -> None:
        # id(obj) -> json id, for live objects only: a finalizer forgets an object when it dies,
        # so a reused id() never inherits an old json id. Nothing is kept alive by these maps.
        self._ids: dict[int, str] = {}
        self._objects: dict[str, weakref.ref[Any]] = {}
        self._counts = {"t": 0, "f": 0}
        self._held: deque[tuple[Tensor, int]] = deque()
        self._held_elements = 0
        self._creator: dict[int, weakref.ref[Tensor]] = {}  # id(grad_fn) -> its first tensor
        self._snapshots: dict[int, NodeSnapshot] = {}  # saved values before they are freed

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

    def refresh_creators(self) -> None:
        """In-place ops may have given a held tensor a new grad_fn: remember whose it is."""
        for tensor, _ in self._held:
            if tensor.grad_fn is not None:
                self._creator.setdefault(id(tensor.grad_fn), weakref.ref(tensor))

    def tensor_id(self, tensor: Tensor) -> str:
        return self._id_for(tensor, "t")

    def node_id(self, node: Node) -> str:
        return self._id_for(node, "f")

    def known_id(self, obj: object) -> str | None:
        return self._ids.get(id(obj))

    def object_of(self, json_id: str) -> object | None:
        ref = self._objects.get(json_id)
        return None if ref is None else ref()

    def output_of(self, node: Node) -> Tensor | None:
        """The tensor a grad_fn belongs to (the leaf for AccumulateGrad), if we know it."""
        if isinstance(node, AccumulateGrad):
            return node.variable
        ref = self._creator.get(id(node))
        return None if ref is None else ref()

    def snapshot(self, node: Node) -> NodeSnapshot:
        """Saved values and local derivatives of `node`, taken before backward frees them."""
        snap = self._snapshots.get(id(node))
        if snap is None or snap.freed:
            snap = self._snapshots[id(node)] = NodeSnapshot.take(node, self.known_id)
            self.node_id(node)
        return snap

    def _id_for(self, obj: object, prefix: str) -> str:
        key = id(obj)
        found = self._ids.get(key)
        if found is None:
            self._counts[prefix] += 1
            found = self._ids[key] = f"{prefix}{self._counts[prefix]}"
            self._objects[found] = weakref.ref(obj)
            # the finalizer must not keep this registry alive after the run
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


def _forget(registry_ref: weakref.ref[TraceRegistry], key: int) -> None:
    registry = registry_ref()
    if registry is not None:
        registry._forget(key)
