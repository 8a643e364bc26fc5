"""Autograd behaviour a learner relies on: deep graphs, freeing, versions, grad mode per context."""

from __future__ import annotations

import contextvars
import threading

import pytest

import engine as torch
from engine.autograd.function import BACKWARD_TWICE


def test_a_chain_of_100000_ops_backpropagates_without_recursion() -> None:
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(100_000):
        y = y * 1.0
    y.backward()
    assert x.grad is not None
    assert x.grad.item() == 1.0


def test_second_backward_fails_only_where_a_freed_saved_tensor_is_needed() -> None:
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    y = a + 1  # AddBackward0 saves nothing: backward twice works, as in PyTorch
    y.backward(torch.ones(2))
    y.backward(torch.ones(2))
    assert a.grad is not None and a.grad.tolist() == [2.0, 2.0]
    z = a * a  # MulBackward0 saved both inputs: freed after the first backward
    z.backward(torch.ones(2))
    with pytest.raises(RuntimeError) as err:
        z.backward(torch.ones(2))
    assert str(err.value) == BACKWARD_TWICE


def test_retain_graph_keeps_saved_tensors_for_another_pass() -> None:
    a = torch.tensor(3.0, requires_grad=True)
    z = a * a
    z.backward(retain_graph=True)
    z.backward()
    assert a.grad is not None and a.grad.item() == 12.0  # 6 + 6: gradients accumulate


def test_in_place_change_of_a_saved_tensor_is_caught_at_backward() -> None:
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = a * 2
    c = b * b
    b.add_(1)
    assert b._version == 1
    with pytest.raises(RuntimeError) as err:
        c.backward(torch.ones(2))
    assert str(err.value).startswith(
        "one of the variables needed for gradient computation has been modified by an inplace "
        "operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; "
        "expected version 0 instead."
    )


def test_leaf_in_place_is_refused_in_grad_mode_and_allowed_under_no_grad() -> None:
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
        w.add_(1)
    with torch.no_grad():
        w -= 0.5
    assert w.tolist() == [0.5, 1.5]
    assert w.requires_grad and w.is_leaf


def test_grad_mode_is_per_context_not_process_wide() -> None:
    seen: dict[str, bool] = {}
    inside = threading.Event()
    release = threading.Event()

    def student_a() -> None:
        with torch.no_grad():
            inside.set()
            release.wait(5)
            seen["a"] = torch.is_grad_enabled()

    def student_b() -> None:
        inside.wait(5)
        x = torch.tensor(1.0, requires_grad=True)
        seen["b"] = (x * 2).requires_grad
        release.set()

    threads = [
        threading.Thread(target=contextvars.copy_context().run, args=(f,))
        for f in (student_a, student_b)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"a": False, "b": True}


def test_set_grad_enabled_works_as_a_call_and_as_a_block() -> None:
    x = torch.tensor(1.0, requires_grad=True)
    with torch.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert (x * 2).requires_grad
    ctx = contextvars.copy_context()

    def switch_off() -> bool:
        torch.set_grad_enabled(False)
        return bool((x * 2).requires_grad)

    assert ctx.run(switch_off) is False
    assert torch.is_grad_enabled()


def test_retain_grad_keeps_a_non_leaf_gradient() -> None:
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    y.retain_grad()
    z = y * y
    z.backward()
    assert y.grad is not None and y.grad.item() == 12.0  # dz/dy = 2y = 12
    assert x.grad is not None and x.grad.item() == 36.0


def test_non_leaf_grad_access_warns_with_pytorchs_text() -> None:
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    with pytest.warns(UserWarning, match=r"The \.grad attribute of a Tensor that is not a leaf"):
        assert y.grad is None


def test_autograd_grad_returns_without_touching_dot_grad() -> None:
    x = torch.tensor(3.0, requires_grad=True)
    y = x * x * x
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    assert g is not None and g.item() == 27.0  # 3x²
    assert x.grad is None
    (g2,) = torch.autograd.grad(g, x)
    assert g2 is not None and g2.item() == 18.0  # 6x


def test_detach_shares_storage_and_version_data_does_not_track() -> None:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    x.data.mul_(10)  # invisible to autograd: the silent wrong gradient
    y.backward(torch.ones(2))
    assert x.grad is not None and x.grad.tolist() == [20.0, 40.0]
    x2 = torch.tensor([1.0, 2.0], requires_grad=True)
    y2 = x2 * x2
    x2.detach().mul_(10)  # shares the version counter: caught
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y2.backward(torch.ones(2))
