"""The `/api/run` contract, defined once: what a worker answers and what the API sends.

Plain `TypedDict`s (JSON objects as they are on the wire), shared by the trace that builds them,
the worker that sends them, the renderer that reads the graph and the API that answers with
them. The HTTP edge (`app.routes.schema`) mirrors them in pydantic models for validation and
OpenAPI; a test keeps the two in step. docs/architecture.md describes every field.

Non-finite numbers never appear as floats: they are the strings "nan", "inf" and "-inf"
(`finite_or_text`), since JSON has no literal for them.
"""

# No `from __future__ import annotations` here: TypedDict must see `NotRequired[...]` itself
# (as a string it is taken for a required key on Python 3.11).
import math
from typing import Literal, NotRequired, TypedDict, Union

# One element of a tensor value: a float, int or bool, or "nan" / "inf" / "-inf".
Number = float | int | bool | str
# A tensor value: a bare number (0-d), nested lists, a summary of a big tensor, or None.
# (`Union` with quoted names, since the alias refers to itself and to a class defined below.)
Value = Union[Number, "list[Value]", "ValueSummary", None]
# A summary statistic: a number, or None when the tensor has no finite element.
Statistic = Number | None

TensorRole = Literal["output", "leaf", "intermediate", "constant"]
GraphMode = Literal["backward", "focus", "names"]
EdgeKind = Literal["next", "grad_fn", "accumulate", "saved"]
BackwardKind = Literal["backward", "autograd.grad"]


class ValueSummary(TypedDict):
    """A tensor with more elements than the trace sends: its shape, statistics and first values."""

    summary: Literal[True]
    shape: list[int]
    numel: int
    min: Statistic
    max: Statistic
    mean: Statistic
    head: list[Number]


class TensorNode(TypedDict):
    """A tensor in the graph."""

    id: str
    kind: Literal["tensor"]
    name: str | None
    label: str  # the name when bound, else the source expression ("(w·x)"); never an id
    role: TensorRole
    shape: list[int]
    dtype: str
    data: Value
    grad: Value
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    retains_grad: bool
    text: str


class FunctionNode(TypedDict):
    """A grad_fn (or AccumulateGrad) in the graph."""

    id: str
    kind: Literal["function"]
    name: str
    tensor: str | None
    saved: dict[str, str | None]
    freed: bool


GraphNode = TensorNode | FunctionNode

# "from" is a Python keyword, hence the functional form.
GraphEdge = TypedDict(
    "GraphEdge",
    {"from": str, "to": str, "slot": int | None, "kind": EdgeKind, "saved": NotRequired[str]},
)


class GraphJSON(TypedDict):
    """Which graph is shown, its nodes and edges."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    root: str | None
    roots: list[str]
    mode: GraphMode
    focus: str | None
    collapsed: bool
    truncated: int


class SeedStep(TypedDict):
    """Step 0 of a backward call: a root's gradient is seeded."""

    index: int
    kind: Literal["seed"]
    node: str
    grad_fn: str | None
    grad: Value
    text: str
    latex: str


class StepInput(TypedDict):
    """One `next_functions` slot of a grad_fn that ran: its local derivative and contribution."""

    slot: int
    to: str | None
    tensor: str | None
    input: str
    local: str | None
    local_latex: str | None
    grad_formula: str | None
    local_value: Value
    contribution: Value
    text: str
    latex: str


class GradFnStep(TypedDict):
    """What every step of a running node says: which node, whose, and the gradient flowing in."""

    index: int
    node: str
    name: str
    tensor: str | None
    grad_output: Value
    grad_outputs: NotRequired[list[Value]]  # only for nodes with several outputs


class FunctionStep(GradFnStep):
    """A grad_fn ran: the gradient flowing in and what it sent along each slot."""

    kind: Literal["function"]
    saved: dict[str, str]
    inputs: list[StepInput]


class AccumulateStep(GradFnStep):
    """AccumulateGrad ran: a leaf's `.grad` before and after `+=`."""

    kind: Literal["accumulate"]
    before: Value
    after: Value
    text: str
    latex: str


BackwardStep = SeedStep | FunctionStep | AccumulateStep


class BackwardEntry(TypedDict):
    """One `backward()` / `torch.autograd.grad` call and its steps in execution order."""

    line: int
    kind: BackwardKind
    call: int
    root: str | None
    roots: list[str]
    retain_graph: bool
    create_graph: bool
    steps: list[BackwardStep]
    steps_dropped: int


class RunError(TypedDict):
    """The exception that stopped the program: PyTorch's type and message, a hint."""

    type: str
    message: str
    line: int | None
    hint: str | None


class RunWarning(TypedDict):
    """A warning the program emitted (PyTorch's category and message)."""

    category: str
    message: str
    line: int | None


class RunResult(TypedDict):
    """What a worker answers for one program (the API adds the picture)."""

    stdout: str
    error: RunError | None
    warnings: list[RunWarning]
    graph: GraphJSON
    backward: list[BackwardEntry]


class RunResponse(RunResult):
    """What `POST /api/run` answers: the worker's result plus the rendered graph."""

    svg: str | None
    svg_message: str | None


def empty_graph() -> GraphJSON:
    """The graph of a program that made no tensors (what the trace answers for one)."""
    return {
        "nodes": [],
        "edges": [],
        "root": None,
        "roots": [],
        "mode": "names",
        "focus": None,
        "collapsed": False,
        "truncated": 0,
    }


def failed_run(error_type: str, message: str, hint: str | None) -> RunResult:
    """The result of a program that never produced one (stopped at its deadline, crashed …)."""
    return {
        "stdout": "",
        "error": {"type": error_type, "message": message, "line": None, "hint": hint},
        "warnings": [],
        "graph": empty_graph(),
        "backward": [],
    }


def run_response(
    result: RunResult, *, svg: str | None, svg_message: str | None, collapsed: bool
) -> RunResponse:
    """The answer to send: `result` with its picture, `graph.collapsed` as the renderer drew it."""
    return {
        "stdout": result["stdout"],
        "error": result["error"],
        "warnings": result["warnings"],
        "graph": {**result["graph"], "collapsed": collapsed},
        "backward": result["backward"],
        "svg": svg,
        "svg_message": svg_message,
    }


def finite_or_text(x: float) -> float | str:
    """`x`, or "nan" / "inf" / "-inf" for the non-finite floats JSON cannot hold."""
    if math.isfinite(x):
        return x
    if math.isnan(x):
        return "nan"
    return "inf" if x > 0 else "-inf"
