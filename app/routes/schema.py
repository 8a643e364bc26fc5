"""The `/api/run` contract at the HTTP edge: pydantic models for validation and OpenAPI.

Each model mirrors one `TypedDict` of `app.contract` field for field (tests/app/routes/
test_schema.py keeps them equal), adds the description OpenAPI shows, and forbids anything
else: every answer is validated against `RunResponse` before it is sent, so what the docs at
/docs describe is what clients get.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType

from app.contract import RunResult as RunResultJSON

_STRICT = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

# A tensor element; non-finite floats are the strings "nan", "inf", "-inf".
Number = float | int | bool | str
Statistic = Number | None
# A tensor's values: a bare number (0-d), nested lists, a summary beyond 64 elements, or None.
Value = TypeAliasType("Value", "Number | list[Value] | ValueSummary | None")


class RunRequest(BaseModel):
    """A program to run: its text, the learner's language, optionally the tensor to focus on."""

    model_config = ConfigDict(extra="ignore", strict=True)

    code: str = Field(description="The program (Python source using `import torch`).")
    lang: Literal["en", "zh"] = Field(
        default="en", description="The language of hints and messages."
    )
    focus: str | None = Field(
        default=None,
        max_length=100,
        description="A variable name whose graph to show instead of the default one.",
    )


class ValueSummary(BaseModel):
    """A tensor with more elements than the trace sends in full."""

    model_config = _STRICT

    summary: Literal[True] = Field(description="Always true: this value is a summary.")
    shape: list[int] = Field(description="The tensor's shape.")
    numel: int = Field(description="Its number of elements.")
    min: Statistic = Field(description="The smallest finite element (null if none is finite).")
    max: Statistic = Field(description="The largest finite element (null if none is finite).")
    mean: Statistic = Field(description="The mean of the finite elements (null if none).")
    head: list[Number] = Field(description="The first elements, flattened.")


class TensorNode(BaseModel):
    """A tensor in the graph, with its data, grad and grad_fn."""

    model_config = _STRICT

    id: str = Field(description='Stable id: "t1", "t2" … in the order tensors were made.')
    kind: Literal["tensor"] = Field(description="This node is a tensor.")
    name: str | None = Field(description="The program's variable name for it, if it has one.")
    label: str = Field(
        description="What every view calls it: the variable name when bound, else the source "
        'expression that made it ("(w·x)", "sum(out)"); never an internal id.'
    )
    role: Literal["output", "leaf", "intermediate", "constant"] = Field(
        description="output: a root with a grad_fn (green); leaf: requires grad and receives "
        ".grad (light blue); intermediate: has a grad_fn; constant: needs no grad."
    )
    shape: list[int] = Field(description="The tensor's shape.")
    dtype: str = Field(description='Its dtype as PyTorch prints it ("torch.float32").')
    data: Value = Field(description="Its values.")
    grad: Value = Field(description="Its .grad as stored (null when None).")
    requires_grad: bool = Field(description="Its requires_grad.")
    is_leaf: bool = Field(description="Its is_leaf.")
    grad_fn: str | None = Field(description='Its grad_fn\'s class name ("MulBackward0").')
    retains_grad: bool = Field(description="Whether retain_grad() was called on it.")
    text: str = Field(description="Its repr, as PyTorch prints it (cut at 1000 characters).")


class FunctionNode(BaseModel):
    """A grad_fn (or AccumulateGrad) in the graph."""

    model_config = _STRICT

    id: str = Field(description='Stable id: "f1", "f2" … in discovery order.')
    kind: Literal["function"] = Field(description="This node is a backward function.")
    name: str = Field(description='Its class name ("MulBackward0", "AccumulateGrad").')
    tensor: str | None = Field(description="The id of the tensor it belongs to (for "
                               "AccumulateGrad, its leaf).")  # fmt: skip
    saved: dict[str, str | None] = Field(
        description="What it saved for backward (PyTorch's _saved_<name>), as text."
    )
    freed: bool = Field(description="Whether backward has released its saved tensors.")


GraphNode = Annotated[TensorNode | FunctionNode, Field(discriminator="kind")]


class GraphEdge(BaseModel):
    """An edge, pointing the way the gradient flows."""

    model_config = _STRICT

    from_: str = Field(alias="from", description="The node the gradient leaves.")
    to: str = Field(description="The node it reaches.")
    slot: int | None = Field(description="For next edges: the index in next_functions.")
    kind: Literal["next", "grad_fn", "accumulate", "saved"] = Field(
        description="next: a grad_fn to a node in its next_functions; grad_fn: a tensor to its "
        "grad_fn; accumulate: AccumulateGrad to its leaf; saved: a named tensor to a grad_fn "
        "that saved it."
    )
    saved: str | None = Field(
        default=None, description="For saved edges only: the name it was saved under."
    )


class Graph(BaseModel):
    """The graph shown: which one, its nodes and its edges."""

    model_config = _STRICT

    nodes: list[GraphNode] = Field(description="Tensors and grad_fn nodes.")
    edges: list[GraphEdge] = Field(description="Edges between them.")
    root: str | None = Field(description="The first root's tensor id.")
    roots: list[str] = Field(description="The tensors the graph is drawn from.")
    mode: Literal["backward", "focus", "names"] = Field(
        description="backward: behind the last backward(); focus: the requested tensor's; "
        "names: every tensor bound to a name (before any backward)."
    )
    focus: str | None = Field(description="The focused name when it was found, else null.")
    collapsed: bool = Field(description="Whether the picture leaves nodes out (too many).")
    truncated: int = Field(description="Nodes the trace left out beyond its own cap.")


class SeedStep(BaseModel):
    """Step 0 of a backward call: a root's gradient is seeded (1, or the gradient= given)."""

    model_config = _STRICT

    index: int = Field(description="The step's position in its entry.")
    kind: Literal["seed"] = Field(description="A seed step.")
    node: str = Field(description="The root tensor's id.")
    grad_fn: str | None = Field(description="The root's grad_fn id.")
    grad: Value = Field(description="The seeded gradient.")
    text: str = Field(description="The chain-rule line, with the program's names.")
    latex: str = Field(description="The same line in LaTeX.")


class StepInput(BaseModel):
    """One next_functions slot of a grad_fn that ran."""

    model_config = _STRICT

    slot: int = Field(description="The index in next_functions.")
    to: str | None = Field(description="The node the gradient goes to (null: needs none).")
    tensor: str | None = Field(description="The tensor receiving it (the leaf, or the output).")
    input: str = Field(description='The argument\'s name in PyTorch ("self", "other" …).')
    local: str | None = Field(description="The local derivative ∂result/∂input, as text.")
    local_latex: str | None = Field(description="The local derivative in LaTeX.")
    grad_formula: str | None = Field(description='The chain rule ("grad * other").')
    local_value: Value = Field(description="The local derivative's values (elementwise ops).")
    contribution: Value = Field(description="The gradient sent along this edge.")
    text: str = Field(description="The chain-rule line, with the program's names.")
    latex: str = Field(description="The same line in LaTeX.")


class GradFnStep(BaseModel):
    """What every step of a running grad_fn or AccumulateGrad says."""

    model_config = _STRICT

    index: int = Field(description="The step's position in its entry.")
    node: str = Field(description="The node's id.")
    name: str = Field(description='Its class name ("MulBackward0", "AccumulateGrad").')
    tensor: str | None = Field(description="The id of the tensor it belongs to (the leaf, for "
                               "AccumulateGrad).")  # fmt: skip
    grad_output: Value = Field(
        description="The gradient flowing in (for AccumulateGrad: the sum of every path's)."
    )
    grad_outputs: list[Value] | None = Field(
        default=None, description="Every output's gradient (only for several outputs)."
    )


class FunctionStep(GradFnStep):
    """A grad_fn ran: the gradient flowing in, and what it sent along each slot."""

    kind: Literal["function"] = Field(description="A grad_fn step.")
    saved: dict[str, str] = Field(description="Its saved tensors, as tensor ids.")
    inputs: list[StepInput] = Field(description="One item per next_functions slot.")


class AccumulateStep(GradFnStep):
    """AccumulateGrad ran: a leaf's .grad before and after +=."""

    kind: Literal["accumulate"] = Field(description="An AccumulateGrad step.")
    before: Value = Field(description="The leaf's .grad before (null: it was None).")
    after: Value = Field(description="The leaf's .grad after.")
    text: str = Field(description="The accumulation line, with the program's names.")
    latex: str = Field(description="The same line in LaTeX.")


BackwardStep = Annotated[SeedStep | FunctionStep | AccumulateStep, Field(discriminator="kind")]


class BackwardEntry(BaseModel):
    """One backward() / torch.autograd.grad call and its steps in the engine's order."""

    model_config = _STRICT

    line: int = Field(description="The program line of the call.")
    kind: Literal["backward", "autograd.grad"] = Field(description="Which call it was.")
    call: int = Field(description="1-based count of backward calls in the program.")
    root: str | None = Field(description="The first root's tensor id.")
    roots: list[str] = Field(description="The tensors it started from.")
    retain_graph: bool = Field(description="Its retain_graph.")
    create_graph: bool = Field(description="Its create_graph.")
    steps: list[BackwardStep] = Field(description="At most 400 steps, in execution order.")
    steps_dropped: int = Field(description="Steps beyond the cap, not sent.")


class RunError(BaseModel):
    """The exception that stopped the program."""

    model_config = _STRICT

    type: str = Field(description='Its type ("RuntimeError", "NotAllowed", "LimitExceeded" …).')
    message: str = Field(description="PyTorch's exact message (or the sandbox's).")
    line: int | None = Field(description="The program line, when known.")
    hint: str | None = Field(description="A hint in the request's language, or null.")


class RunWarning(BaseModel):
    """A warning the program emitted."""

    model_config = _STRICT

    category: str = Field(description='Its category ("UserWarning").')
    message: str = Field(description="PyTorch's exact message.")
    line: int | None = Field(description="The program line.")


class RunResult(BaseModel):
    """What a worker answers for one program (validated before the API draws or sends it)."""

    model_config = _STRICT

    stdout: str = Field(description="What Python's interactive interpreter would print.")
    error: RunError | None = Field(description="The exception that stopped it, or null.")
    warnings: list[RunWarning] = Field(description="Warnings, in order.")
    graph: Graph = Field(description="The computation graph.")
    backward: list[BackwardEntry] = Field(description="One entry per backward() call.")


class RunResponse(RunResult):
    """What `POST /api/run` answers for every program, successful or not."""

    svg: str | None = Field(description="The graph drawn by Graphviz (cleaned SVG), or null.")
    svg_message: str | None = Field(
        description="Why the picture is missing or collapsed, in the request's language."
    )


def check_result(result: RunResultJSON) -> None:
    """Raise pydantic's ValidationError unless every field of a worker's answer is valid.

    The worker pool runs it on every answer before the API draws or sends it; the answer then
    only gains the picture (`svg`, `svg_message`: text or null, from the renderer) and
    `graph.collapsed`, so what is sent is a valid `RunResponse`.
    """
    RunResult.model_validate(result)
