"""`torch.autograd`: backward, grad, grad modes, Variable, and the graph's node types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from engine.autograd.engine import run_backward
from engine.autograd.function import AccumulateGrad, Node
from engine.autograd.grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from engine.autograd.variable import Variable
from engine.tensor_base import TensorBase

if TYPE_CHECKING:
    from engine.tensor import Tensor

__all__ = [
    "AccumulateGrad",
    "Node",
    "Variable",
    "backward",
    "enable_grad",
    "grad",
    "is_grad_enabled",
    "no_grad",
    "set_grad_enabled",
]


def _as_tuple(value: Tensor | Sequence[Tensor | None] | None) -> tuple[Tensor | None, ...]:
    if value is None:
        return ()
    if isinstance(value, TensorBase):
        return (value,)
    return tuple(value)


def backward(
    tensors: Tensor | Sequence[Tensor],
    grad_tensors: Tensor | Sequence[Tensor | None] | None = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
) -> None:
    """Backpropagate from `tensors`, accumulating into the leaves' `.grad`."""
    roots = tuple(t for t in _as_tuple(tensors) if t is not None)
    grads = _as_tuple(grad_tensors) or tuple(None for _ in roots)
    if len(grads) != len(roots):
        raise RuntimeError(
            "grad can be implicitly created only for scalar outputs"
            if not grads
            else f"got {len(grads)} tensors and {len(roots)} gradients"
        )
    keep = create_graph if retain_graph is None else retain_graph
    run_backward(roots, grads, retain_graph=keep, create_graph=create_graph)


def grad(
    outputs: Tensor | Sequence[Tensor],
    inputs: Tensor | Sequence[Tensor],
    grad_outputs: Tensor | Sequence[Tensor | None] | None = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    allow_unused: bool | None = None,
) -> tuple[Tensor | None, ...]:
    """The gradients of `outputs` with respect to `inputs`, returned rather than accumulated."""
    roots = tuple(t for t in _as_tuple(outputs) if t is not None)
    wrt = tuple(t for t in _as_tuple(inputs) if t is not None)
    grads = _as_tuple(grad_outputs) or tuple(None for _ in roots)
    keep = create_graph if retain_graph is None else retain_graph
    result = run_backward(
        roots,
        grads,
        retain_graph=keep,
        create_graph=create_graph,
        inputs=wrt,
        allow_unused=bool(allow_unused),
    )
    assert result is not None
    return result
