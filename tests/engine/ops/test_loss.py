"""Losses, softmax and comparisons: node names, graph shape, values, warnings and errors.

Expected values and messages were produced by PyTorch 2.13 (CPU).
"""

from __future__ import annotations

import pytest

import engine as torch
import engine.nn.functional as F


def _names(y: torch.Tensor) -> list[str | None]:
    return [None if fn is None else type(fn).__name__ for fn, _ in y.grad_fn.next_functions]


def _logits() -> torch.Tensor:
    return torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]], requires_grad=True)


def test_mse_loss_reductions_and_gradient() -> None:
    p = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    t = torch.tensor([[0.0, 2.0], [1.0, 1.0]])
    y = F.mse_loss(p, t)
    assert repr(y) == "tensor(3.5000, grad_fn=<MseLossBackward0>)"
    assert _names(y) == ["AccumulateGrad", None]
    assert y.grad_fn.saved_values()["reduction"] == 1
    assert repr(F.mse_loss(p, t, reduction="sum")) == "tensor(14., grad_fn=<MseLossBackward0>)"
    assert repr(F.mse_loss(p, t, reduction="none")) == (
        "tensor([[1., 0.],\n        [4., 9.]], grad_fn=<MseLossBackward0>)"
    )
    y.backward()
    assert p.grad.tolist() == [[0.5, 0.0], [1.0, 1.5]]


def test_mse_loss_warns_and_expands_when_sizes_differ() -> None:
    q = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.warns(UserWarning) as record:
        y = F.mse_loss(q, torch.ones(2, 2))
    assert str(record[0].message) == (
        "Using a target size (torch.Size([2, 2])) that is different to the input size "
        "(torch.Size([2])). This will likely lead to incorrect results due to broadcasting. "
        "Please ensure they have the same size."
    )
    assert _names(y) == ["ExpandBackward0", None]
    with pytest.raises(ValueError, match=r"^bad is not a valid value for reduction$"):
        F.mse_loss(q, q, reduction="bad")


def test_cross_entropy_is_nll_loss_over_log_softmax() -> None:
    logits = _logits()
    target = torch.tensor([2, 0])
    y = F.cross_entropy(logits, target)
    assert repr(y) == "tensor(2.4870, grad_fn=<NllLossBackward0>)"
    assert _names(y) == ["LogSoftmaxBackward0"]
    assert repr(F.cross_entropy(logits, target, reduction="none")) == (
        "tensor([1.9644, 3.0096], grad_fn=<NllLossBackward0>)"
    )
    y.backward()
    assert repr(logits.grad) == (
        "tensor([[ 0.1156,  0.3143, -0.4299],\n        [-0.4753,  0.0272,  0.4481]])"
    )


def test_cross_entropy_with_probabilities_builds_pytorchs_graph() -> None:
    y = F.cross_entropy(_logits(), torch.tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]]))
    assert repr(y) == "tensor(2.2120, grad_fn=<DivBackward1>)"
    names = []
    fn = y.grad_fn
    while fn is not None:
        names.append(type(fn).__name__)
        fn = fn.next_functions[0][0] if fn.next_functions else None
    assert names == [
        "DivBackward1", "NegBackward0", "SumBackward0", "MulBackward0", "LogSoftmaxBackward0",
        "AccumulateGrad",
    ]  # fmt: skip


def test_cross_entropy_weights_and_ignore_index() -> None:
    logits = _logits()
    assert repr(F.cross_entropy(logits, torch.tensor([2, 0]), ignore_index=0)) == (
        "tensor(1.9644, grad_fn=<NllLossBackward0>)"
    )
    assert repr(F.cross_entropy(logits, torch.tensor([-100, -100]))) == (
        "tensor(nan, grad_fn=<NllLossBackward0>)"
    )
    assert (
        repr(F.cross_entropy(logits, torch.tensor([2, 0]), weight=torch.tensor([1.0, 2.0, 3.0])))
        == "tensor(2.2257, grad_fn=<NllLossBackward0>)"
    )


def test_cross_entropy_with_label_smoothing() -> None:
    logits = _logits()
    y = F.cross_entropy(logits, torch.tensor([2, 0]), label_smoothing=0.1)
    assert repr(y) == "tensor(2.4037, grad_fn=<AddBackward0>)"
    assert _names(y) == ["MulBackward1", "MulBackward1"]
    assert (
        repr(F.cross_entropy(logits, torch.tensor([2, 0]), label_smoothing=0.1, reduction="none"))
        == "tensor([1.8977, 2.9096], grad_fn=<AddBackward0>)"
    )
    assert (
        repr(
            F.cross_entropy(
                logits,
                torch.tensor([2, 0]),
                label_smoothing=0.1,
                weight=torch.tensor([1.0, 2.0, 3.0]),
            )
        )
        == "tensor(2.1485, grad_fn=<AddBackward0>)"
    )
    probs = torch.tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
    assert repr(F.cross_entropy(logits, probs, label_smoothing=0.1)) == (
        "tensor(2.1562, grad_fn=<DivBackward1>)"
    )


@pytest.mark.parametrize(
    ("target", "error", "message"),
    [
        ([3, 0], IndexError, "Target 3 is out of bounds."),
        ([0.0, 1.0], RuntimeError, "expected target dtype to be Long or Byte, but got Float"),
        ([1], ValueError, "Expected input batch_size (2) to match target batch_size (1)."),
        ([[0.2, 0.3], [0.5, 1.0]], RuntimeError,
         "0D or 1D target tensor expected, multi-target not supported"),
    ],
)  # fmt: skip
def test_cross_entropy_errors(target: list[object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        F.cross_entropy(_logits(), torch.tensor(target))
    assert str(info.value) == message


def test_softmax_and_its_implicit_dim_warning() -> None:
    x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]], requires_grad=True)
    assert repr(x.softmax(1)) == (
        "tensor([[0.0900, 0.2447, 0.6652],\n        [0.6652, 0.2447, 0.0900]], "
        "grad_fn=<SoftmaxBackward0>)"
    )
    assert repr(F.log_softmax(x, 1)) == (
        "tensor([[-2.4076, -1.4076, -0.4076],\n        [-0.4076, -1.4076, -2.4076]], "
        "grad_fn=<LogSoftmaxBackward0>)"
    )
    with pytest.warns(UserWarning, match=r"^Implicit dimension choice for softmax has been"):
        assert F.softmax(x).grad_fn.name() == "SoftmaxBackward0"
    assert repr(torch.tensor([1000.0, 0.0, -1000.0]).log_softmax(0)) == (
        "tensor([    0., -1000., -2000.])"
    )
    with pytest.raises(NotImplementedError) as info:
        torch.softmax(torch.ones(2, 3, dtype=torch.long), 0)
    assert str(info.value) == "\"softmax_kernel_impl\" not implemented for 'Long'"


def test_softmax_gradient_under_create_graph_is_itself_a_node() -> None:
    x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]], requires_grad=True)
    w = torch.tensor([[0.5, -1.0, 2.0], [1.0, 1.0, 1.0]])
    (g,) = torch.autograd.grad((x.softmax(1) * w).sum(), x, create_graph=True)
    assert repr(g) == (
        "tensor([[-0.0568, -0.5215,  0.5782],\n        [ 0.0000,  0.0000,  0.0000]], "
        "grad_fn=<SoftmaxBackwardDataBackward0>)"
    )
    assert _names(g) == [None, "SoftmaxBackward0"]
    (g,) = torch.autograd.grad((x.log_softmax(1) * w).sum(), x, create_graph=True)
    assert g.grad_fn.name() == "LogSoftmaxBackwardDataBackward0"
    assert _names(g) == [None, "LogSoftmaxBackward0"]


def test_comparisons_return_bool_tensors_without_history() -> None:
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = torch.tensor([[1.0], [2.0]])
    gt = a > b
    assert repr(gt) == "tensor([[False,  True,  True],\n        [False, False,  True]])"
    assert gt.grad_fn is None and not gt.requires_grad
    assert repr(a == 2) == "tensor([False,  True, False])"
    assert (a == None) is False  # noqa: E711 - Python's fallback, as in PyTorch
    assert repr(torch.tensor([16777217]) == torch.tensor([16777216.0])) == "tensor([True])"
    assert torch.equal(torch.tensor([1.0, 2.0]), torch.tensor([1, 2]))
    with pytest.raises(RuntimeError, match=r"^Float did not match Long$"):
        torch.allclose(torch.ones(2), torch.tensor([1, 1]))
    with pytest.raises(RuntimeError) as info:
        a == torch.ones(2)  # noqa: B015
    assert str(info.value) == (
        "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"
    )


def test_where_routes_the_gradient() -> None:
    x = torch.tensor([1.0, -2.0], requires_grad=True)
    y = torch.where(x > 0, x, 0.0)
    assert repr(y) == "tensor([1., 0.], grad_fn=<WhereBackward0>)"
    assert _names(y) == ["AccumulateGrad", None]
    y.sum().backward()
    assert x.grad.tolist() == [1.0, 0.0]
    assert repr(torch.where(torch.tensor([True, False]), 1, 0)) == "tensor([1, 0])"


def test_masks_combine_with_bitwise_operators() -> None:
    a = torch.tensor([1.0, 2.0, 3.0])
    m1, m2 = a > 1.5, a < 2.5
    assert repr(m1 & m2) == "tensor([False,  True, False])"
    assert repr(m1 | m2) == "tensor([True, True, True])"
    assert repr(m1 ^ m2) == "tensor([ True, False,  True])"
    assert repr(~m1) == "tensor([ True, False, False])"
    assert repr(True & m1) == "tensor([False,  True,  True])"
    assert repr(~torch.tensor([1, 2])) == "tensor([-2, -3])"
    assert repr(m1 & torch.tensor([1, 0, 1])) == "tensor([0, 0, 1])"
    assert repr(m1.any()) == "tensor(True)" and repr(m1.all()) == "tensor(False)"
    assert repr(a[m1 & m2]) == "tensor([2.])"
    with pytest.raises(NotImplementedError) as info:
        a & a
    assert str(info.value) == "\"bitwise_and_cpu\" not implemented for 'Float'"
    with pytest.raises(TypeError) as type_info:
        ~a  # noqa: B018
    assert str(type_info.value) == (
        "~ (operator.invert) is only implemented on integer and Boolean-type tensors"
    )


def test_every_node_describes_each_of_its_edges() -> None:
    # the step ledger pairs next_functions[i] with derivatives[i] and local_values()[i]
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.3, -0.2]], requires_grad=True)
    w = torch.tensor([[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], requires_grad=True)
    h = (x @ w).relu() + (x.sigmoid().tanh().exp().sin().cos().abs() * 2).sum(1, keepdim=True)
    h = h + torch.clamp(x, -1.0, 1.0).mean() + torch.clamp(x[:, :2], min=w[:2].t()).sum()
    h = h + x.max() + x.max(0).values.sum() + torch.maximum(x, x.t().sum(1)).mean()
    h = h + torch.where(x > 0, x, 0.0).sum() + torch.dot(x[0], x[1]) + torch.mv(w.t(), x[0]).sum()
    h = h + (x.unsqueeze(0) @ w).sum() + torch.bmm(x.unsqueeze(0), w.unsqueeze(0)).sum()
    loss = F.mse_loss(h.softmax(1), torch.ones(2, 2)) + F.cross_entropy(h, torch.tensor([0, 1]))
    loss = loss + F.cross_entropy(h, torch.tensor([[0.3, 0.7], [1.0, 0.0]])) + x.sqrt().log().sum()
    names = set()
    for fn in loss.grad_fn.iter_graph():
        names.add(type(fn).__name__)
        if type(fn).__name__ == "AccumulateGrad":
            continue
        assert len(fn.derivatives) == len(fn.next_functions), type(fn).__name__
        assert len(fn.local_values()) == len(fn.next_functions), type(fn).__name__
    assert {"MmBackward0", "NllLossBackward0", "ClampBackward0", "WhereBackward0"} <= names
