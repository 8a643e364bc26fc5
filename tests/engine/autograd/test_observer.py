"""The step observer reports the engine's real backward pass, in PyTorch's execution order."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

import engine as torch
from engine.autograd.function import AccumulateGrad
from engine.autograd.observer import BackwardStart, NodeStep, observe


@dataclass
class Recorder:
    starts: list[BackwardStart] = field(default_factory=list)
    steps: list[NodeStep] = field(default_factory=list)
    ended: int = 0

    def on_backward_start(self, event: BackwardStart) -> None:
        self.starts.append(event)

    def on_step(self, step: NodeStep) -> None:
        self.steps.append(step)

    def on_backward_end(self) -> None:
        self.ended += 1

    def names(self, leaves: dict[str, torch.Tensor]) -> list[str]:
        """Node names, with AccumulateGrad steps labelled by the leaf they fill."""
        out = []
        for step in self.steps:
            if isinstance(step.node, AccumulateGrad):
                name = next(k for k, v in leaves.items() if v is step.variable)
                out.append(f"AccumulateGrad({name})")
            else:
                out.append(step.node.name())
        return out


def values(arrays: tuple[np.ndarray | None, ...]) -> list[object]:
    return [None if a is None else np.asarray(a).tolist() for a in arrays]


def test_article_graph_y_equals_w_x_plus_b() -> None:
    # y = w*x + b with x=1, w=2, b=3: dy/dw = x = 1, dy/dx = w = 2, dy/db = 1
    x = torch.tensor(1.0, requires_grad=True)
    w = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    y = w * x + b
    rec = Recorder()
    with observe(rec):
        y.backward()

    assert rec.ended == 1
    assert len(rec.starts) == 1
    assert rec.starts[0].roots == (y,)
    assert values(rec.starts[0].grads) == [1.0]
    # the add runs first; its AccumulateGrad(b) outranks the older MulBackward0
    assert rec.names({"x": x, "w": w, "b": b}) == [
        "AddBackward0",
        "AccumulateGrad(b)",
        "MulBackward0",
        "AccumulateGrad(w)",
        "AccumulateGrad(x)",
    ]
    add, acc_b, mul, acc_w, acc_x = rec.steps
    assert values(add.grad_outputs) == [1.0]
    assert values(add.grad_inputs) == [1.0, 1.0]
    assert values(mul.grad_inputs) == [1.0, 2.0]  # to w: grad*x = 1, to x: grad*w = 2
    assert (acc_w.grad_before, np.asarray(acc_w.grad_after).tolist()) == (None, 1.0)
    assert (acc_x.grad_before, np.asarray(acc_x.grad_after).tolist()) == (None, 2.0)
    assert np.asarray(acc_b.grad_after).tolist() == 1.0
    assert (w.grad.item(), x.grad.item(), b.grad.item()) == (1.0, 2.0, 1.0)


def test_a_plus_a_sends_two_contributions_that_add_up() -> None:
    a = torch.tensor(3.0, requires_grad=True)
    y = a + a
    rec = Recorder()
    with observe(rec):
        y.backward()
    assert rec.names({"a": a}) == ["AddBackward0", "AccumulateGrad(a)"]
    add, acc = rec.steps
    assert add.node.next_functions[0][0] is add.node.next_functions[1][0]
    assert values(add.grad_inputs) == [1.0, 1.0]
    # the two contributions are summed before the leaf's AccumulateGrad runs once
    assert values(acc.grad_outputs) == [2.0]
    assert a.grad.item() == 2.0


def test_diamond_merges_paths_before_the_shared_node_runs() -> None:
    # x -> h = x*3 -> (p = h*h, q = h+1) -> y = p + q
    x = torch.tensor(2.0, requires_grad=True)
    h = x * 3
    p = h * h
    q = h + 1
    y = p + q
    rec = Recorder()
    with observe(rec):
        y.backward()
    names = rec.names({"x": x})
    assert names == [
        "AddBackward0",  # y = p + q
        "AddBackward0",  # q = h + 1 (newer than p's MulBackward0)
        "MulBackward0",  # p = h * h
        "MulBackward0",  # h = x * 3, once both paths have arrived
        "AccumulateGrad(x)",
    ]
    h_step = rec.steps[3]
    # dy/dh = 2h + 1 = 13 arrives summed: 12 from p, 1 from q
    assert values(h_step.grad_outputs) == [13.0]
    assert x.grad.item() == 39.0


def test_accumulation_across_backward_calls_shows_before_and_after() -> None:
    w = torch.tensor(2.0, requires_grad=True)
    y = w * 5
    rec = Recorder()
    with observe(rec):
        y.backward(retain_graph=True)
        y.backward()
    accs = [s for s in rec.steps if isinstance(s.node, AccumulateGrad)]
    assert accs[0].grad_before is None
    assert np.asarray(accs[0].grad_after).tolist() == 5.0
    assert np.asarray(accs[1].grad_before).tolist() == 5.0
    assert np.asarray(accs[1].grad_after).tolist() == 10.0
    assert rec.ended == 2


def test_backward_with_gradient_seeds_the_given_vector() -> None:
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * 2
    rec = Recorder()
    with observe(rec):
        y.backward(torch.tensor([0.1, 1.0, 10.0]))
    assert values(rec.starts[0].grads) == [pytest.approx([0.1, 1.0, 10.0])]
    assert x.grad.tolist() == pytest.approx([0.2, 2.0, 20.0])


def test_observer_arrays_are_copies_the_observer_can_keep() -> None:
    w = torch.tensor(1.0, requires_grad=True)
    rec = Recorder()
    with observe(rec):
        (w * 2).backward()
        (w * 2).backward()
    first_after = rec.steps[1].grad_after
    assert np.asarray(first_after).tolist() == 2.0  # not changed by the second accumulation


def test_no_observer_outside_the_block() -> None:
    w = torch.tensor(1.0, requires_grad=True)
    rec = Recorder()
    with observe(rec):
        pass
    (w * 2).backward()
    assert rec.steps == []
