"""Graph nodes: `Node` (every grad_fn), `AccumulateGrad`, saved tensors and their version checks."""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

if TYPE_CHECKING:
    from engine.tensor import Tensor
    from engine.tensor_base import TensorBase

# A gradient flowing through the graph: a numpy array normally, a Tensor under create_graph.
Grad = Any

BACKWARD_TWICE = (
    "Trying to backward through the graph a second time (or directly access saved tensors "
    "after they have already been freed). Saved intermediate values of the graph are freed "
    "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
    "backward through the graph a second time or if you need to access saved tensors after "
    "calling backward."
)
_ANOMALY_HINT = (
    "Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
    "with torch.autograd.set_detect_anomaly(True, check_nan=False)."
)

# Nodes are numbered in creation order; the backward pass runs the newest ready node first.
_sequence = itertools.count()


@dataclass(frozen=True, slots=True)
class Derivative:
    """The local derivative along one edge, in the words of PyTorch's derivatives.yaml.

    `local` is ∂result/∂input (`"other"` for `self * other`), `grad` the chain rule that sends the
    gradient along the edge (`"grad * other"`).
    """

    input: str
    local: str
    local_latex: str
    grad: str


class Node:
    """A backward function (`grad_fn`): computes the gradients of an op's inputs.

    `next_functions[i]` is the edge to the node that receives the gradient of input `i`:
    `(grad_fn, output_nr)` for a tensor with history, `(AccumulateGrad, 0)` for a leaf that
    requires grad, `(None, 0)` for an input that needs no gradient.

    Subclasses name their saved tensors in `saved_names`, declare their `derivatives` (one per
    edge), and implement `backward(grad, saved)`: `saved` holds the unpacked saved tensors (numpy
    arrays, or Tensors when building a differentiable graph with `create_graph=True`).
    """

    # __weakref__: the app's trace names nodes without keeping their saved tensors alive
    __slots__ = (
        "__weakref__",
        "_released",
        "_retained",
        "_saved",
        "_versions",
        "next_functions",
        "sequence_nr",
    )

    derivatives: ClassVar[tuple[Derivative, ...]] = ()
    saved_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.sequence_nr = next(_sequence)
        self.next_functions: tuple[tuple[Node | None, int], ...] = ()
        self._saved: tuple[Tensor | None, ...] = ()
        self._versions: tuple[int, ...] = ()
        self._released = False
        self._retained: list[tuple[int, TensorBase]] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # PyTorch's node classes print as <class 'MulBackward0'>
        cls.__module__ = "builtins"

    def name(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {id(self):#x}>"

    @property
    def metadata(self) -> dict[str, Any]:
        return {}

    # --- saved tensors -------------------------------------------------------------------------

    def save(self, *tensors: Tensor | None) -> None:
        """Save tensors for backward, remembering their versions to detect in-place changes."""
        self._saved = tensors
        if len(tensors) == 2:  # the common binary case, without a generator
            a, b = tensors
            self._versions = (
                0 if a is None else a._version_box[0],
                0 if b is None else b._version_box[0],
            )
        else:
            self._versions = tuple(0 if t is None else t._version_box[0] for t in tensors)

    def unpack(self, as_tensors: bool) -> tuple[Any, ...]:
        """The saved tensors, checked: freed after backward, or modified in place since saved."""
        if self._released:
            raise RuntimeError(BACKWARD_TWICE)
        out: list[Any] = []
        for t, version in zip(self._saved, self._versions, strict=True):
            if t is None:
                out.append(None)
                continue
            if t._version_box[0] != version:
                raise RuntimeError(_modified_message(t, version, self._owner_of(t)))
            out.append(t if as_tensors else t._data)
        return tuple(out)

    def _owner_of(self, t: Tensor) -> Node | None:
        """This node when `t` was saved as its own output ("result"), as PyTorch reports it."""
        for name, saved in zip(self.saved_names, self._saved, strict=False):
            if saved is t and name == "result":
                return self
        return None

    def release_saved(self) -> None:
        """Free the saved tensors (after a backward pass without retain_graph)."""
        if self._saved:
            self._saved = ()
            self._released = True

    def saved_values(self) -> dict[str, Any]:
        """What the node saved for backward, by PyTorch's `_saved_<name>` names."""
        if self._released:
            return {}
        return dict(zip(self.saved_names, self._saved, strict=False))

    # --- execution -----------------------------------------------------------------------------

    def apply(self, grad_outputs: Sequence[Grad | None], as_tensors: bool) -> tuple[Grad, ...]:
        saved = self.unpack(as_tensors) if (self._saved or self._released) else ()
        return self.backward(grad_outputs[0], saved)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        raise NotImplementedError(f"{self.name()} has no backward")

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        """Elementwise ∂result/∂input per edge when the op is elementwise; None otherwise."""
        return tuple(None for _ in self.next_functions)

    def retain_grad_of(self, output_nr: int, tensor: TensorBase) -> None:
        """Store the gradient flowing into this node at `output_nr` in `tensor.grad`."""
        if self._retained is None:
            self._retained = []
        if all(t is not tensor for _, t in self._retained):
            self._retained.append((output_nr, tensor))

    def iter_graph(self) -> Iterator[Node]:
        """Every node reachable from this one, each once, depth-first in edge order."""
        seen: set[int] = {id(self)}
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            for nxt, _ in reversed(node.next_functions):
                if nxt is not None and id(nxt) not in seen:
                    seen.add(id(nxt))
                    stack.append(nxt)


class AccumulateGrad(Node):
    """The sink at a leaf: adds the incoming gradient into `variable.grad` (`grad += g`)."""

    __slots__ = ("variable",)

    derivatives = ()

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"

    def __init__(self, variable: Tensor) -> None:
        super().__init__()
        # Runs as soon as it is ready, like PyTorch's (its sequence number is the maximum).
        self.sequence_nr = sys.maxsize
        self.variable = variable


Edge = tuple[Node | None, int]


def grad_accumulator(t: Tensor) -> AccumulateGrad:
    """The leaf's AccumulateGrad, made on first use and then kept (one per leaf, as in PyTorch)."""
    if t._accumulator is None:
        t._accumulator = AccumulateGrad(t)
    return t._accumulator


def gradient_edge(t: Tensor) -> tuple[Node, int]:
    """Where a gradient for `t` enters the graph: its grad_fn, or its leaf's AccumulateGrad."""
    if t._grad_fn is not None:
        return t._grad_fn, t._output_nr
    return grad_accumulator(t), 0


def input_edge(t: Tensor) -> Edge:
    """The `next_functions` entry an op records for input `t` (`(None, 0)` if it needs no grad)."""
    if not t._requires_grad:
        return None, 0
    if t._grad_fn is not None:
        return t._grad_fn, t._output_nr
    return grad_accumulator(t), 0


def _modified_message(t: Tensor, expected: int, owner: Node | None = None) -> str:
    shape = ", ".join(str(d) for d in t._data.shape)
    what = f"[torch.{t.dtype.legacy_type_name} [{shape}]]"
    # a saved output is reported as the output of the node that saved it, even after an
    # in-place op has given the tensor a new grad_fn
    fn = owner if owner is not None else t._grad_fn
    if fn is not None:
        op = re.sub(r"Backward\d*$", "", fn.name())
        nr = 0 if owner is not None else t._output_nr
        what += f", which is output {nr} of {op},"
    return (
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: {what} is at version {t._version_box[0]}; expected version {expected} "
        f"instead. {_ANOMALY_HINT}"
    )
