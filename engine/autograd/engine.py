"""The backward pass: dependency counting, PyTorch's ready-queue order, gradient accumulation.

The traversal is iterative (no recursion over graph depth), and deterministic: the ready queue
pops the node with the highest sequence number first (the most recently created), and
`AccumulateGrad` nodes run as soon as they are ready — the order PyTorch's CPU engine uses.
"""

from __future__ import annotations

import heapq
import warnings
from collections.abc import Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd import grad_mode
from engine.autograd.function import AccumulateGrad, Grad, Node, gradient_edge
from engine.autograd.observer import BackwardStart, NodeStep, current_observer

if TYPE_CHECKING:
    from engine.tensor import Tensor

Edge = tuple[Node, int]

_CREATE_GRAPH_WARNING = (
    "Using backward() with create_graph=True will create a reference cycle between the "
    "parameter and its gradient which can cause a memory leak. We recommend using autograd.grad "
    "when creating the graph to avoid this. If you have to use this function, make sure to reset "
    "the .grad fields of your parameters to None after use to break the cycle and avoid the "
    "leak. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1307.)"
)
# PyTorch warns about this once per process; here once per context (one program run)
_create_graph_warned: ContextVar[bool] = ContextVar("create_graph_warned", default=False)


def _seed(roots: Sequence[Tensor], grads: Sequence[Tensor | None], as_tensors: bool) -> list[Grad]:
    seeds: list[Grad] = []
    for i, (root, grad) in enumerate(zip(roots, grads, strict=True)):
        if grad is None:
            if root._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            if not root.dtype.is_floating_point:
                raise RuntimeError(
                    "grad can be implicitly created only for real scalar outputs but got "
                    f"{root.dtype}"
                )
            data = np.ones_like(root._data)
            seeds.append(root._make(data, root.dtype) if as_tensors else data)
            continue
        if grad._data.shape != root._data.shape:
            raise RuntimeError(
                f"Mismatch in shape: grad_output[{i}] has a shape of {grad.shape} and "
                f"output[{i}] has a shape of {root.shape}."
            )
        seeds.append(grad if as_tensors else grad._data)
    return seeds


def run_backward(
    roots: Sequence[Tensor],
    grads: Sequence[Tensor | None],
    *,
    retain_graph: bool,
    create_graph: bool,
    inputs: Sequence[Tensor] | None = None,
    allow_unused: bool = False,
) -> tuple[Tensor | None, ...] | None:
    """Backpropagate from `roots`.

    Without `inputs` (Tensor.backward), gradients accumulate into the leaves' `.grad`.
    With `inputs` (autograd.grad), the gradients reaching `inputs` are returned instead and no
    `.grad` is touched.
    """
    for i, root in enumerate(roots):
        if not root._requires_grad:
            raise RuntimeError(
                f"element {i} of tensors does not require grad and does not have a grad_fn"
            )
    as_tensors = create_graph
    if create_graph and inputs is None and not _create_graph_warned.get():
        _create_graph_warned.set(True)
        warnings.warn(_CREATE_GRAPH_WARNING, UserWarning, stacklevel=4)
    seeds = _seed(roots, grads, as_tensors)
    root_edges = [gradient_edge(r) for r in roots]

    captures: dict[tuple[int, int], int] = {}
    if inputs is not None:
        for i, t in enumerate(inputs):
            if not t._requires_grad:
                raise RuntimeError("One of the differentiated Tensors does not require grad")
            fn, nr = gradient_edge(t)
            captures.setdefault((id(fn), nr), i)

    observer = current_observer()
    if observer is not None:
        observer.on_backward_start(
            BackwardStart(
                roots=tuple(roots),
                grads=tuple(_array(g).copy() for g in seeds),
                inputs=None if inputs is None else tuple(inputs),
                retain_graph=retain_graph,
                create_graph=create_graph,
            )
        )
    try:
        with grad_mode.set_grad_enabled(create_graph):
            captured = _execute(
                root_edges, seeds, retain_graph, as_tensors, captures, inputs is not None
            )
    finally:
        if observer is not None:
            observer.on_backward_end()

    if inputs is None:
        return None
    results: list[Tensor | None] = [None] * len(inputs)
    for i, t in enumerate(inputs):
        g = captured.get(i)
        if g is None:
            if not allow_unused:
                raise RuntimeError(
                    f"The differentiated Tensor at index {i} appears to not have been used in "
                    "the graph. Set allow_unused=True if this is the desired behavior."
                )
            continue
        results[i] = g if as_tensors else t._make(np.array(g, dtype=t._data.dtype), t.dtype)
    return tuple(results)


def _dependencies(root_edges: list[Edge]) -> dict[Node, int]:
    deps: dict[Node, int] = {}
    seen: set[Node] = set()
    stack: list[Node] = []
    for fn, _ in root_edges:
        if fn not in seen:
            seen.add(fn)
            stack.append(fn)
    while stack:
        fn = stack.pop()
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                deps[nxt] = deps.get(nxt, 0) + 1
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    return deps


def _needed(root_edges: list[Edge], captures: dict[tuple[int, int], int]) -> set[Node]:
    """Nodes from which some captured edge is reachable (autograd.grad runs only those)."""
    capture_nodes = {key[0] for key in captures}
    needed: set[Node] = set()
    visited: set[Node] = set()
    # iterative post-order: a node is needed if it is captured or any child is needed
    stack: list[tuple[Node, bool]] = [(fn, False) for fn, _ in root_edges]
    while stack:
        fn, children_done = stack.pop()
        if children_done:
            if id(fn) in capture_nodes or any(
                nxt in needed for nxt, _ in fn.next_functions if nxt is not None
            ):
                needed.add(fn)
            continue
        if fn in visited:
            continue
        visited.add(fn)
        stack.append((fn, True))
        for nxt, _ in fn.next_functions:
            if nxt is not None and nxt not in visited:
                stack.append((nxt, False))
    return needed


def _execute(
    root_edges: list[Edge],
    seeds: list[Grad],
    retain_graph: bool,
    as_tensors: bool,
    captures: dict[tuple[int, int], int],
    grad_mode_only: bool,
) -> dict[int, Grad]:
    deps = _dependencies(root_edges)
    needed = _needed(root_edges, captures) if grad_mode_only else None
    buffers: dict[Node, list[Grad | None]] = {}
    for (fn, nr), seed in zip(root_edges, seeds, strict=True):
        _add_to_buffer(buffers, fn, nr, seed)

    ready: list[tuple[int, int, Node]] = []
    tiebreak = 0
    for fn in dict.fromkeys(fn for fn, _ in root_edges):
        if deps.get(fn, 0) == 0:
            heapq.heappush(ready, (-fn.sequence_nr, tiebreak, fn))
            tiebreak += 1

    observer = current_observer()
    captured: dict[int, Grad] = {}
    heappop, heappush = heapq.heappop, heapq.heappush
    while ready:
        fn = heappop(ready)[2]
        buffer = buffers.pop(fn, None)
        grad_outputs: list[Grad | None] = buffer if buffer is not None else [None]
        if captures:
            for nr, g in enumerate(grad_outputs):
                index = captures.get((id(fn), nr))
                if index is not None and g is not None:
                    captured[index] = g
        if needed is not None and fn not in needed:
            continue
        if fn._retained:
            _retain_grads(fn, grad_outputs, as_tensors)

        if grad_outputs[0] is None and all(g is None for g in grad_outputs):
            # nothing flows in (a path with no gradient): pass "no gradient" along
            grad_inputs: tuple[Grad | None, ...] = (None,) * len(fn.next_functions)
        elif type(fn) is AccumulateGrad:
            if not grad_mode_only:
                _accumulate(fn, grad_outputs[0], as_tensors, observer)
            continue
        else:
            grad_inputs = fn.apply(grad_outputs, as_tensors)
            if observer is not None:
                # before the saved tensors are freed, so the observer can still read them
                observer.on_step(
                    NodeStep(
                        node=fn,
                        grad_outputs=tuple(_copy(g) for g in grad_outputs),
                        grad_inputs=tuple(_copy(g) for g in grad_inputs),
                    )
                )
            if not retain_graph and fn._saved:
                fn.release_saved()

        for (nxt, nr), g in zip(fn.next_functions, grad_inputs, strict=False):
            if nxt is None:
                continue
            if g is not None:
                pending = buffers.get(nxt)
                if pending is None:
                    buffers[nxt] = [g] if nr == 0 else [*([None] * nr), g]
                else:
                    _add_to_buffer(buffers, nxt, nr, g)
            remaining = deps[nxt] - 1
            deps[nxt] = remaining
            if not remaining:
                heappush(ready, (-nxt.sequence_nr, tiebreak, nxt))
                tiebreak += 1
    return captured


def _add_to_buffer(buffers: dict[Node, list[Grad | None]], fn: Node, nr: int, g: Grad) -> None:
    buffer = buffers.get(fn)
    if buffer is None:
        buffer = buffers[fn] = [None] * (nr + 1)
    elif len(buffer) <= nr:
        buffer.extend([None] * (nr + 1 - len(buffer)))
    old = buffer[nr]
    # where paths merge, the gradients add up
    buffer[nr] = g if old is None else old + g


def _accumulate(fn: AccumulateGrad, g: Grad, as_tensors: bool, observer: Any) -> None:
    """`variable.grad += g`, in place when the graph is not being differentiated (as PyTorch)."""
    var = fn.variable
    before = None if var._grad is None else var._grad._data.copy()
    if as_tensors:
        if var._grad is None:
            # PyTorch stores a differentiable copy (new tensor, then copy_): CopyBackwards
            fresh = var._make(np.zeros_like(var._data), var.dtype)
            var._grad = fresh.copy_(g)
        else:
            var._grad = var._grad + g
    else:
        data = np.asarray(g)
        if data.dtype != var._data.dtype:
            data = data.astype(var._data.dtype)
        if var._grad is None:
            var._grad = var._make(np.array(data, copy=True), var.dtype)
        else:
            grad = var._grad
            # in place (a 0-d array is a valid `out` too; without it numpy returns a scalar)
            grad._data = np.add(grad._data, data, out=grad._data)
            grad._version_box[0] += 1
    if observer is not None:
        observer.on_step(
            NodeStep(
                node=fn,
                grad_outputs=(_copy(g),),
                grad_inputs=(),
                variable=var,
                grad_before=before,
                grad_after=var._grad._data.copy() if var._grad is not None else None,
            )
        )


def _retain_grads(fn: Node, grad_outputs: list[Grad | None], as_tensors: bool) -> None:
    for nr, tensor in fn._retained or ():
        g = grad_outputs[nr] if nr < len(grad_outputs) else None
        if g is None:
            continue
        if as_tensors:
            tensor._grad = g if tensor._grad is None else tensor._grad + g
        elif tensor._grad is None:
            tensor._grad = tensor._make(np.array(g, dtype=tensor._data.dtype), tensor.dtype)
        else:
            tensor._grad = tensor._make(
                np.asarray(tensor._grad._data + g, dtype=tensor._data.dtype), tensor.dtype
            )


def _array(g: Grad) -> np.ndarray:
    data = getattr(g, "_data", g)
    return np.asarray(data)


def _copy(g: Grad | None) -> np.ndarray | None:
    return None if g is None else _array(g).copy()
