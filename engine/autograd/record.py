"""Recording an op in the graph: whether to record (grad mode and the inputs), and attaching the
op's backward node to its result with one edge per input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.autograd.function import Node, input_edge
from engine.autograd.grad_mode import _grad_enabled
from engine.dtypes import SCALAR_TYPES, Number

if TYPE_CHECKING:
    from engine.tensor import Tensor


def needs_grad(*inputs: Tensor | Number | None) -> bool:
    """True when grad mode is on and some tensor input requires grad."""
    if not _grad_enabled.get():
        return False
    for t in inputs:
        if t is not None and not isinstance(t, SCALAR_TYPES) and t._requires_grad:
            return True
    return False


def record(node: Node, result: Tensor, inputs: tuple[Tensor | Number | None, ...]) -> Tensor:
    """Make `node` the result's grad_fn, with one edge per input (`(None, 0)` for constants)."""
    node.next_functions = tuple(
        (None, 0) if t is None or isinstance(t, SCALAR_TYPES) else input_edge(t) for t in inputs
    )
    result._set_history(node)
    return result


def attach(node: Node, result: Tensor, inputs: tuple[Tensor, ...]) -> Tensor:
    """Record `node` as the result's grad_fn when the graph is being recorded."""
    if needs_grad(*inputs):
        record(node, result, inputs)
    return result
