"""The module-call observer: paths from the outermost module, inputs/outputs, the nodes each
call recorded — the facts the graph needs to draw `fc1: Linear(2 → 4)` boxes."""

from __future__ import annotations

from typing import Any

import engine as torch
from engine import nn
from engine.nn.module import Module
from engine.nn.observer import ModuleCall, call_nodes, observe_modules


class Recorder:
    def __init__(self) -> None:
        self.entered: list[tuple[str, tuple[str, ...], int]] = []
        self.calls: list[ModuleCall] = []

    def on_module_enter(self, module: Module, path: tuple[str, ...], inputs: Any) -> None:
        self.entered.append((type(module).__name__, path, len(inputs)))

    def on_module_exit(self, call: ModuleCall) -> None:
        self.calls.append(call)


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc1 = nn.Linear(2, 4)
        self.body = nn.Sequential(nn.ReLU(), nn.Linear(4, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(self.fc1(x))


def test_paths_follow_attribute_names_and_sequential_indices() -> None:
    net = Net()
    recorder = Recorder()
    with observe_modules(recorder):
        net(torch.ones(3, 2))
    assert recorder.entered == [
        ("Net", (), 1),
        ("Linear", ("fc1",), 1),
        ("Sequential", ("body",), 1),
        ("ReLU", ("body", "0"), 1),
        ("Linear", ("body", "1"), 1),
    ]
    # exits arrive innermost first
    assert [c.path for c in recorder.calls] == [
        ("fc1",), ("body", "0"), ("body", "1"), ("body",), (),
    ]  # fmt: skip


def test_call_nodes_are_the_nodes_between_a_calls_inputs_and_output() -> None:
    net = Net()
    recorder = Recorder()
    x = torch.ones(3, 2, requires_grad=True)
    with observe_modules(recorder):
        net(x)
    by_path = {c.path: c for c in recorder.calls}
    fc1 = [n.name() for n in call_nodes(by_path[("fc1",)])]
    assert fc1 == [
        "AddmmBackward0", "torch::autograd::AccumulateGrad", "TBackward0",
        "torch::autograd::AccumulateGrad",
    ]  # fmt: skip
    relu = [n.name() for n in call_nodes(by_path[("body", "0")])]
    assert relu == ["ReluBackward0"]  # stops at fc1's AddmmBackward0, its input's grad_fn
    whole = call_nodes(by_path[()])
    assert len(whole) == 9  # two linear layers (4 nodes each) and a relu; not x's leaf
    assert all(getattr(n, "variable", None) is not x for n in whole)


def test_no_observer_means_no_bookkeeping_and_hooks_still_run() -> None:
    lin = nn.Linear(1, 1)
    seen: list[str] = []
    lin.register_forward_hook(lambda m, args, out: seen.append("hook"))
    lin(torch.ones(1))
    assert seen == ["hook"]
