"""The module-call observer: how the app learns which module call made which graph nodes.

While an observer is installed (`with observe_modules(obs): ...`, this context only), every
`Module.__call__` reports its start and its end. The end carries the module's path from the
outermost module called (`("0",)` for the first layer of a Sequential, `("fc1",)` for an
attribute of a user's model; `()` for the outermost call itself), its tensor inputs and its
result, so a graph can group the nodes each call recorded (`call_nodes`) and label the group
`fc1: Linear(2 → 4)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from engine.tensor_base import TensorBase

if TYPE_CHECKING:
    from engine.autograd.function import Node
    from engine.nn.module import Module


@dataclass(frozen=True, slots=True)
class ModuleCall:
    """One finished call of a module: where it sits in the model, what went in and came out."""

    module: Module
    path: tuple[str, ...]
    inputs: tuple[Any, ...]  # the positional arguments forward received (after pre-hooks)
    output: Any  # what the call returned (after forward hooks)


class ModuleObserver(Protocol):
    """Receives every module call in this context, outermost first on entry, innermost first
    on exit (calls nest as the forward functions do)."""

    def on_module_enter(
        self, module: Module, path: tuple[str, ...], inputs: tuple[Any, ...]
    ) -> None:
        """Before the call (and its pre-hooks): where to check a call's cost."""

    def on_module_exit(self, call: ModuleCall) -> None: ...


_observer: ContextVar[ModuleObserver | None] = ContextVar("module_observer", default=None)


def current_module_observer() -> ModuleObserver | None:
    return _observer.get()


@contextmanager
def observe_modules(observer: ModuleObserver) -> Iterator[ModuleObserver]:
    """Report every module call made inside the block (in this context only) to `observer`."""
    token = _observer.set(observer)
    try:
        yield observer
    finally:
        _observer.reset(token)


def tensors_in(value: Any) -> list[TensorBase]:
    """The tensors in a call's inputs or output (a tensor, or tuples/lists/dicts of them)."""
    found: list[TensorBase] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, TensorBase):
            found.append(item)
        elif isinstance(item, tuple | list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
    return found


def call_nodes(call: ModuleCall) -> list[Node]:
    """The graph nodes a call recorded: everything reachable backwards from its output's
    grad_fns up to (not including) the nodes its inputs already had; the AccumulateGrad nodes
    of the other leaves it used (its parameters) are included. Depth-first, deterministic."""
    stop = set()
    for t in tensors_in(call.inputs):
        before = t._grad_fn if t._grad_fn is not None else t._accumulator
        if before is not None:
            stop.add(id(before))
    seen: set[int] = set()
    nodes: list[Node] = []
    stack = [t._grad_fn for t in reversed(tensors_in(call.output)) if t._grad_fn is not None]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen or id(node) in stop:
            continue
        seen.add(id(node))
        nodes.append(node)
        stack.extend(nxt for nxt, _ in reversed(node.next_functions) if nxt is not None)
    return nodes
