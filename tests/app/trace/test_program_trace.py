"""ProgramTrace: exact backward steps, contributions and .grad before/after, from the real engine.

Expected numbers are worked out by hand in each test (the chain rule on small graphs). The
execution order is the engine's (PyTorch's ready queue: the newest grad_fn first, AccumulateGrad
as soon as it is ready), pinned against torch by tests/engine/test_backward_steps.py.
"""

from __future__ import annotations

import json
from typing import Any

import engine as torch
from app.trace.program_trace import ProgramTrace
from app.trace.recorder import MAX_BACKWARD_ENTRIES, MAX_STEPS
from engine.autograd.observer import observe


class Program:
    """Stands in for the interpreter: registers tensors as the program makes them."""

    def __init__(self) -> None:
        self.trace = ProgramTrace()

    def __call__(self, t: Any) -> Any:
        self.trace.register(t)
        return t

    def backward(self, line: int, y: Any, **kwargs: Any) -> None:
        with observe(self.trace.observer_for(line, "backward")):
            y.backward(**kwargs)


def steps_of(entry: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(s["kind"], s["node"]) for s in entry["steps"]]


def node(graph: dict[str, Any], nid: str) -> dict[str, Any]:
    return next(n for n in graph["nodes"] if n["id"] == nid)


def test_article_y_equals_w_x_plus_b() -> None:
    # x=1, w=2, b=3; y = w*x + b = 5; dy/dw = x = 1, dy/dx = w = 2, dy/db = 1
    p = Program()
    x = p(torch.tensor(1.0, requires_grad=True))  # t1
    w = p(torch.tensor(2.0, requires_grad=True))  # t2
    b = p(torch.tensor(3.0, requires_grad=True))  # t3
    wx = p(w * x)  # t4, grad_fn f1 = MulBackward0
    y = p(wx + b)  # t5, grad_fn f2 = AddBackward0
    p.backward(6, y)
    graph, entries = p.trace.finish({"x": x, "w": w, "b": b, "y": y}, None)

    (entry,) = entries
    assert (entry["line"], entry["kind"], entry["call"], entry["root"]) == (6, "backward", 1, "t5")
    # AccumulateGrad nodes are numbered as the walk from y's grad_fn meets them: b, w, x
    assert steps_of(entry) == [
        ("seed", "t5"),
        ("function", "f2"),  # AddBackward0
        ("accumulate", "f3"),  # b
        ("function", "f1"),  # MulBackward0
        ("accumulate", "f4"),  # w
        ("accumulate", "f5"),  # x
    ]
    seed, add, acc_b, mul, acc_w, acc_x = entry["steps"]
    assert (seed["grad"], seed["grad_fn"], seed["text"]) == (1.0, "f2", "∂y/∂y = 1.0")

    assert (add["name"], add["tensor"], add["grad_output"]) == ("AddBackward0", "t5", 1.0)
    to_wx, to_b = add["inputs"]
    assert (to_wx["to"], to_wx["tensor"], to_wx["local"], to_wx["contribution"]) == (
        "f1", "t4", "1", 1.0)  # fmt: skip
    assert to_wx["text"] == "∂y/∂(w·x) = 1"
    assert (to_b["to"], to_b["tensor"], to_b["contribution"], to_b["grad_formula"]) == (
        "f3", "t3", 1.0, "grad * alpha")  # fmt: skip

    assert (acc_b["tensor"], acc_b["before"], acc_b["after"]) == ("t3", None, 1.0)
    assert acc_b["text"] == "b.grad = 1.0"

    assert (mul["tensor"], mul["grad_output"]) == ("t4", 1.0)
    to_w, to_x = mul["inputs"]
    # ∂(w·x)/∂w = x = 1 and ∂(w·x)/∂x = w = 2, each times the incoming 1
    assert (to_w["tensor"], to_w["local"], to_w["local_value"], to_w["contribution"]) == (
        "t2", "other", 1.0, 1.0)  # fmt: skip
    assert (to_x["tensor"], to_x["local"], to_x["local_value"], to_x["contribution"]) == (
        "t1", "self", 2.0, 2.0)  # fmt: skip
    assert to_w["text"] == "∂(w·x)/∂w = x = 1.0"
    assert to_x["text"] == "∂(w·x)/∂x = w = 2.0"
    assert to_w["latex"] == r"\frac{\partial (w \cdot x)}{\partial w} = x = 1.0"

    assert (acc_w["tensor"], acc_w["before"], acc_w["after"]) == ("t2", None, 1.0)
    assert (acc_x["tensor"], acc_x["before"], acc_x["after"]) == ("t1", None, 2.0)

    assert graph["mode"] == "backward" and graph["root"] == "t5"
    assert [(node(graph, t)["name"], node(graph, t)["grad"]) for t in ("t1", "t2", "t3")] == [
        ("x", 2.0), ("w", 1.0), ("b", 1.0)]  # fmt: skip
    assert node(graph, "t5")["grad"] is None  # y is not a leaf: None, not 0
    assert node(graph, "t5")["role"] == "output" and node(graph, "t2")["role"] == "leaf"
    assert node(graph, "t4")["name"] is None and node(graph, "t4")["data"] == 2.0
    # w and x are drawn through their AccumulateGrad: no extra "saved" edge for them
    assert [e for e in graph["edges"] if e["kind"] == "saved"] == []


def test_a_plus_a_merges_two_contributions_before_accumulating() -> None:
    # y = a + a, a = 3: each edge carries 1, AccumulateGrad(a) receives 1 + 1 = 2
    p = Program()
    a = p(torch.tensor(3.0, requires_grad=True))
    y = p(a + a)
    p.backward(3, y)
    graph, (entry,) = p.trace.finish({"a": a, "y": y}, None)

    assert [s["kind"] for s in entry["steps"]] == ["seed", "function", "accumulate"]
    _, add, acc = entry["steps"]
    assert [(i["slot"], i["to"], i["contribution"]) for i in add["inputs"]] == [
        (0, acc["node"], 1.0), (1, acc["node"], 1.0)]  # fmt: skip
    assert (acc["grad_output"], acc["before"], acc["after"]) == (2.0, None, 2.0)
    next_edges = [e for e in graph["edges"] if e["kind"] == "next"]
    assert [(e["from"], e["to"], e["slot"]) for e in next_edges] == [
        (add["node"], acc["node"], 0), (add["node"], acc["node"], 1)]  # fmt: skip


def test_diamond_adds_both_paths_into_x() -> None:
    # x = 3; a = x*2 = 6; b = x+1 = 4; y = a*b = 2x² + 2x; dy/dx = 4x + 2 = 14 = 8 + 6
    p = Program()
    x = p(torch.tensor(3.0, requires_grad=True))
    a = p(x * 2)
    b = p(x + 1)
    y = p(a * b)
    p.backward(5, y)
    graph, (entry,) = p.trace.finish({"x": x, "a": a, "b": b, "y": y}, None)

    names = [(s["kind"], s.get("name"), s.get("tensor")) for s in entry["steps"][1:]]
    ids = {name: p.trace.tensor_id(t) for name, t in (("x", x), ("a", a), ("b", b), ("y", y))}
    # y's Mul first, then the newer of a's Mul and b's Add (b), then a, then x's accumulator
    assert names == [
        ("function", "MulBackward0", ids["y"]),
        ("function", "AddBackward0", ids["b"]),
        ("function", "MulBackward0", ids["a"]),
        ("accumulate", "AccumulateGrad", ids["x"]),
    ]
    mul_y, add_b, mul_a, acc_x = entry["steps"][1:]
    # ∂(a·b)/∂a = b = 4, ∂(a·b)/∂b = a = 6
    assert [(i["local_value"], i["contribution"]) for i in mul_y["inputs"]] == [
        (4.0, 4.0),
        (6.0, 6.0),
    ]
    assert [i["text"] for i in mul_y["inputs"]] == ["∂y/∂a = b = 4.0", "∂y/∂b = a = 6.0"]
    # b = x + 1: 6 flows to x; the constant 1 gets nothing
    assert (add_b["grad_output"], add_b["inputs"][0]["contribution"]) == (6.0, 6.0)
    assert add_b["inputs"][1]["to"] is None and add_b["inputs"][1]["contribution"] is None
    # a = x * 2: 4 * 2 = 8 flows to x
    assert (mul_a["grad_output"], mul_a["inputs"][0]["local_value"]) == (4.0, 2)
    assert mul_a["inputs"][0]["contribution"] == 8.0
    assert (acc_x["grad_output"], acc_x["before"], acc_x["after"]) == (14.0, None, 14.0)
    assert node(graph, ids["x"])["grad"] == 14.0


def test_two_backward_calls_accumulate_with_before_and_after() -> None:
    # y = w*w, w = 2: dy/dw = 2w = 4 per call; w.grad: None → 4, then 4 → 8
    p = Program()
    w = p(torch.tensor(2.0, requires_grad=True))
    y = p(w * w)
    p.backward(3, y, retain_graph=True)
    p.backward(4, y)
    graph, entries = p.trace.finish({"w": w, "y": y}, None)

    assert [(e["line"], e["call"], e["retain_graph"]) for e in entries] == [
        (3, 1, True), (4, 2, False)]  # fmt: skip
    first, second = (e["steps"][-1] for e in entries)
    assert (first["kind"], first["before"], first["after"]) == ("accumulate", None, 4.0)
    assert (second["kind"], second["before"], second["after"]) == ("accumulate", 4.0, 8.0)
    assert first["text"] == "w.grad = 4.0"
    assert second["text"] == "w.grad = 4.0 + 4.0 = 8.0"
    # the same MulBackward0 both times, each input getting grad * w = 2
    assert entries[0]["steps"][1]["node"] == entries[1]["steps"][1]["node"]
    assert [i["contribution"] for i in entries[1]["steps"][1]["inputs"]] == [2.0, 2.0]
    assert node(graph, p.trace.tensor_id(w))["grad"] == 8.0
    mul = node(graph, entries[1]["steps"][1]["node"])
    # the second call freed the saved tensors; the graph still says what they were
    assert mul["freed"] is True
    assert mul["saved"] == {"self": "tensor(2., requires_grad=True)",
                            "other": "tensor(2., requires_grad=True)"}  # fmt: skip


def test_backward_with_gradient_seeds_the_given_vector() -> None:
    # y = 2x for x = [1, 2, 3]; seed v = [0.1, 1, 0.0001]; x.grad = 2v = [0.2, 2, 0.0002]
    p = Program()
    x = p(torch.tensor([1.0, 2.0, 3.0], requires_grad=True))
    y = p(x * 2)
    v = p(torch.tensor([0.1, 1.0, 0.0001]))
    p.backward(4, y, gradient=v)
    graph, (entry,) = p.trace.finish({"x": x, "y": y, "v": v}, None)

    seed, mul, acc = entry["steps"]
    assert seed["grad"] == [0.1, 1.0, 0.0001]
    assert mul["grad_output"] == [0.1, 1.0, 0.0001]
    assert mul["inputs"][0]["contribution"] == [0.2, 2.0, 0.0002]
    assert (acc["before"], acc["after"]) == (None, [0.2, 2.0, 0.0002])
    assert node(graph, p.trace.tensor_id(x))["grad"] == [0.2, 2.0, 0.0002]
    assert seed["text"] == "∂y/∂y = [0.1, 1.0, 0.0001]"


def test_autograd_grad_records_steps_but_fills_no_grad() -> None:
    # y = x*x at x = 3: dy/dx = 2x = 6, returned, not accumulated
    p = Program()
    x = p(torch.tensor(3.0, requires_grad=True))
    y = p(x * x)
    with observe(p.trace.observer_for(3, "autograd.grad")):
        (g,) = torch.autograd.grad(y, x)
    graph, (entry,) = p.trace.finish({"x": x, "y": y}, None)
    assert entry["kind"] == "autograd.grad"
    assert [s["kind"] for s in entry["steps"]] == ["seed", "function"]
    assert [i["contribution"] for i in entry["steps"][1]["inputs"]] == [3.0, 3.0]
    assert g is not None and g.item() == 6.0
    assert node(graph, p.trace.tensor_id(x))["grad"] is None


def test_before_any_backward_the_named_tensors_are_the_graph() -> None:
    p = Program()
    x = p(torch.tensor([1.0, 2.0]))
    w = p(torch.tensor(2.0, requires_grad=True))
    y = p(x * w)
    graph, entries = p.trace.finish({"x": x, "w": w, "y": y}, None)
    assert entries == []
    assert graph["mode"] == "names" and graph["roots"] == ["t1", "t2", "t3"]
    kinds = sorted((n["kind"], n.get("name")) for n in graph["nodes"])
    assert kinds == [("function", "AccumulateGrad"), ("function", "MulBackward0"),
                     ("tensor", "w"), ("tensor", "x"), ("tensor", "y")]  # fmt: skip
    assert node(graph, "t1")["role"] == "constant" and node(graph, "t1")["grad"] is None


def test_focus_picks_another_named_tensor() -> None:
    p = Program()
    w = p(torch.tensor(2.0, requires_grad=True))
    y = p(w * 3)
    z = p(w + 1)
    p.backward(4, y)
    graph, _ = p.trace.finish({"w": w, "y": y, "z": z}, "z")
    assert graph["mode"] == "focus" and graph["focus"] == "z"
    assert graph["root"] == p.trace.tensor_id(z)
    assert {n.get("name") for n in graph["nodes"]} == {"z", "AddBackward0", "AccumulateGrad", "w"}
    unknown, _ = p.trace.finish({"w": w, "y": y, "z": z}, "nope")
    assert unknown["mode"] == "backward" and unknown["focus"] is None


def test_named_tensor_saved_by_a_grad_fn_joins_the_graph() -> None:
    # x needs no grad, so no edge leads to it; MulBackward0 saved it, and the graph says so
    p = Program()
    x = p(torch.tensor(2.0))
    w = p(torch.tensor(1.0, requires_grad=True))
    y = p(w * x)
    p.backward(4, y)
    graph, _ = p.trace.finish({"x": x, "w": w, "y": y}, None)
    saved = [e for e in graph["edges"] if e["kind"] == "saved"]
    assert [(e["from"], e["saved"]) for e in saved] == [("t1", "other")]
    assert node(graph, "t1")["role"] == "constant"


def test_steps_per_backward_are_capped() -> None:
    # 450 multiplications: 1 seed + 450 MulBackward0 + 1 AccumulateGrad = 452 steps
    p = Program()
    x = p(torch.tensor(1.0, requires_grad=True))
    y = x
    for _ in range(450):
        y = p(y * 1.0)
    p.backward(5, y)
    _, (entry,) = p.trace.finish({"x": x, "y": y}, None)
    assert len(entry["steps"]) == MAX_STEPS
    assert entry["steps_dropped"] == 452 - MAX_STEPS
    assert [s["index"] for s in entry["steps"]] == list(range(MAX_STEPS))


def test_only_the_latest_backward_entries_are_kept() -> None:
    p = Program()
    w = p(torch.tensor(1.0, requires_grad=True))
    for i in range(MAX_BACKWARD_ENTRIES + 5):
        p.backward(10 + i, p(w * 2))
    _, entries = p.trace.finish({"w": w}, None)
    assert len(entries) == MAX_BACKWARD_ENTRIES
    assert [e["call"] for e in entries] == list(range(6, MAX_BACKWARD_ENTRIES + 6))
    assert entries[-1]["steps"][-1]["after"] == 2.0 * (MAX_BACKWARD_ENTRIES + 5)


def test_big_values_are_summarised_and_json_has_no_inf_literals() -> None:
    p = Program()
    x = p(torch.ones(100, 100, requires_grad=True))
    y = p(x * float("inf"))
    z = p(y.sum())
    p.backward(4, z)
    graph, (entry,) = p.trace.finish({"x": x, "y": y, "z": z}, None)
    json.dumps([graph, entry], allow_nan=False)
    data = node(graph, p.trace.tensor_id(y))["data"]
    # no finite element: no min/max/mean to report
    assert data == {"summary": True, "shape": [100, 100], "numel": 10000,
                    "min": None, "max": None, "mean": None,
                    "head": ["inf"] * 6}  # fmt: skip
    assert node(graph, p.trace.tensor_id(z))["data"] == "inf"
    # d(sum(x*inf))/dx = inf in every element
    x_grad = node(graph, p.trace.tensor_id(x))["grad"]
    assert x_grad["numel"] == 10000 and x_grad["head"] == ["inf"] * 6
    assert node(graph, p.trace.tensor_id(x))["data"] == {
        "summary": True, "shape": [100, 100], "numel": 10000,
        "min": 1.0, "max": 1.0, "mean": 1.0, "head": [1.0] * 6}  # fmt: skip


def test_latex_escapes_user_names() -> None:
    p = Program()
    w_1 = p(torch.tensor(2.0, requires_grad=True))
    y = p(w_1 * w_1)
    p.backward(3, y)
    _, (entry,) = p.trace.finish({"w_1": w_1, "loss": y}, None)
    first = entry["steps"][1]["inputs"][0]
    assert first["text"] == "∂loss/∂w_1 = w_1 = 2.0"
    assert first["latex"] == (
        r"\frac{\partial \text{loss}}{\partial \text{w\_1}} = \text{w\_1} = 2.0"
    )
