"""The optimizer-step observer: each parameter's values before and after and the update's terms."""

from __future__ import annotations

import numpy as np

import engine as torch
from engine import optim
from engine.optim.observer import OptimizerStep, observe_steps


class Recorder:
    def __init__(self) -> None:
        self.steps: list[OptimizerStep] = []

    def on_optimizer_step(self, step: OptimizerStep) -> None:
        self.steps.append(step)


def test_sgd_reports_lr_times_grad_and_the_values_before_and_after() -> None:
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    unused = torch.tensor([5.0], requires_grad=True)
    opt = optim.SGD([w, unused], lr=0.5)
    (w * w).sum().backward()
    recorder = Recorder()
    with observe_steps(recorder):
        opt.step()
    (step,) = recorder.steps
    assert step.rule == "p ← p − lr·grad"
    (update,) = step.updates  # a parameter without .grad is not updated, nor reported
    assert update.param is w
    np.testing.assert_array_equal(update.before, [1.0, -2.0])
    np.testing.assert_array_equal(update.after, [0.0, 0.0])
    terms = dict(update.terms)
    assert terms["lr"] == 0.5
    np.testing.assert_array_equal(terms["lr·grad"], [1.0, -2.0])
    np.testing.assert_array_equal(update.before - terms["lr·grad"], update.after)


def test_momentum_buffer_is_reported_and_nothing_without_an_observer() -> None:
    w = torch.tensor([1.0], requires_grad=True)
    opt = optim.SGD([w], lr=0.1, momentum=0.9)
    recorder = Recorder()
    for _ in range(2):
        opt.zero_grad()
        (w * 3).sum().backward()
        with observe_steps(recorder):
            opt.step()
    opt.step()  # outside the block: not reported
    assert len(recorder.steps) == 2
    buffers = [dict(s.updates[0].terms)["momentum_buffer"] for s in recorder.steps]
    np.testing.assert_allclose(np.concatenate(buffers), [3.0, 5.7], rtol=1e-6)
