"""Pointwise ops as a learner sees them: grad_fn names, values, dtypes, kinks and errors.

Expected values and messages were produced by PyTorch 2.13 (CPU) and checked by hand.
"""

from __future__ import annotations

import pytest

import engine as torch


def _x() -> torch.Tensor:
    return torch.tensor([1.0, -2.0, 3.0], requires_grad=True)


@pytest.mark.parametrize(
    ("method", "node"),
    [
        ("exp", "ExpBackward0"),
        ("log", "LogBackward0"),
        ("sqrt", "SqrtBackward0"),
        ("sin", "SinBackward0"),
        ("cos", "CosBackward0"),
        ("tanh", "TanhBackward0"),
        ("sigmoid", "SigmoidBackward0"),
        ("relu", "ReluBackward0"),
        ("abs", "AbsBackward0"),
        ("reciprocal", "ReciprocalBackward0"),
    ],
)
def test_grad_fn_names_match_pytorch(method: str, node: str) -> None:
    x = _x()
    y = getattr(x, method)()
    assert y.grad_fn is not None
    assert y.grad_fn.name() == node
    assert getattr(torch, method)(x).grad_fn.name() == node
    ((fn, nr),) = y.grad_fn.next_functions
    assert type(fn).__name__ == "AccumulateGrad" and fn.variable is x and nr == 0


def test_clamp_variants_name_their_nodes_like_pytorch() -> None:
    x = _x()
    assert x.clamp(min=0.0).grad_fn.name() == "ClampBackward1"
    assert x.clamp(max=1.0).grad_fn.name() == "ClampBackward1"
    assert torch.clamp(x, 0.0, 1.0).grad_fn.name() == "ClampBackward1"
    assert x.clip(0.0, 1.0).grad_fn.name() == "ClampBackward1"
    assert torch.clamp_min(x, 0.0).grad_fn.name() == "ClampMinBackward0"


def test_clamp_with_tensor_bounds_records_every_bound() -> None:
    x = _x()
    lo = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
    y = torch.clamp(x, lo, torch.tensor(2.0))
    assert repr(y) == "tensor([1., 0., 2.], grad_fn=<ClampBackward0>)"
    names = [None if fn is None else type(fn).__name__ for fn, _ in y.grad_fn.next_functions]
    assert names == ["AccumulateGrad", "AccumulateGrad", None]
    y.sum().backward()
    assert x.grad.tolist() == [1.0, 0.0, 0.0]
    assert lo.grad.tolist() == [0.0, 1.0, 0.0]


def test_printed_values_of_each_function() -> None:
    x = _x()
    assert repr(x.exp()) == "tensor([ 2.7183,  0.1353, 20.0855], grad_fn=<ExpBackward0>)"
    assert repr(x.log()) == "tensor([0.0000,    nan, 1.0986], grad_fn=<LogBackward0>)"
    assert repr(x.sigmoid()) == "tensor([0.7311, 0.1192, 0.9526], grad_fn=<SigmoidBackward0>)"
    assert repr(x.relu()) == "tensor([1., 0., 3.], grad_fn=<ReluBackward0>)"
    assert repr(x.clamp(max=1.0)) == "tensor([ 1., -2.,  1.], grad_fn=<ClampBackward1>)"


def test_gradients_at_the_kinks_follow_pytorch() -> None:
    z = torch.tensor([0.0, -1.0, 1.0, 4.0], requires_grad=True)
    z.abs().sum().backward()
    assert z.grad.tolist() == [0.0, -1.0, 1.0, 1.0]  # abs'(0) = 0
    z.grad = None
    z.relu().sum().backward()
    assert z.grad.tolist() == [0.0, 0.0, 1.0, 1.0]  # relu'(0) = 0
    z.grad = None
    z.clamp(0.0, 1.0).sum().backward()
    assert z.grad.tolist() == [1.0, 0.0, 1.0, 0.0]  # the bounds pass the gradient
    z.grad = None
    z.sqrt().sum().backward()
    assert repr(z.grad) == "tensor([   inf,    nan, 0.5000, 0.2500])"


def test_integer_inputs_promote_to_float_where_pytorch_does() -> None:
    i = torch.tensor([1, -2, 3])
    assert repr(i.exp()) == "tensor([ 2.7183,  0.1353, 20.0855])"
    assert repr(i.sqrt()) == "tensor([1.0000,    nan, 1.7321])"
    assert repr(i.relu()) == "tensor([1, 0, 3])"
    assert repr(i.abs()) == "tensor([1, 2, 3])"
    assert repr(i.clamp(0.5)) == "tensor([1.0000, 0.5000, 3.0000])"
    assert repr(i.clamp(0, 2)) == "tensor([1, 0, 2])"
    assert repr(torch.tensor([True, False]).sigmoid()) == "tensor([0.7311, 0.5000])"


def test_errors_use_pytorchs_words() -> None:
    with pytest.raises(RuntimeError, match=r"^Boolean inputs not supported for relu$"):
        torch.tensor([True]).relu()
    with pytest.raises(NotImplementedError, match=r"^\"abs_cpu\" not implemented for 'Bool'$"):
        torch.tensor([True]).abs()
    with pytest.raises(
        RuntimeError, match=r"^torch.clamp: At least one of 'min' or 'max' must not be None$"
    ):
        _x().clamp()
    with pytest.raises(
        TypeError, match=r"^exp\(\): argument 'input' \(position 1\) must be Tensor, not float$"
    ):
        torch.exp(2.0)


def test_saved_result_modified_in_place_fails_backward() -> None:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()
    y.add_(1)
    with pytest.raises(RuntimeError) as info:
        y.sum().backward()
    # PyTorch names the node that saved its own output, not the in-place op that followed
    assert str(info.value).startswith(
        "one of the variables needed for gradient computation has been modified by an inplace "
        "operation: [torch.FloatTensor [2]], which is output 0 of Exp, is at version 1; "
        "expected version 0 instead."
    )


def test_second_backward_without_retain_graph_fails() -> None:
    x = torch.tensor([-1.0, 2.0], requires_grad=True)
    y = x.abs().sum()
    y.backward()
    with pytest.raises(RuntimeError, match=r"^Trying to backward through the graph a second time"):
        y.backward()


def test_create_graph_gives_the_second_derivative_of_sin() -> None:
    x = torch.tensor(2.0, requires_grad=True)
    (g,) = torch.autograd.grad(x.sin(), x, create_graph=True)
    g.backward()
    # d/dx sin = cos(2) = -0.4161; d²/dx² sin = -sin(2) = -0.9093
    assert repr(g.detach()) == "tensor(-0.4161)"
    assert repr(x.grad) == "tensor(-0.9093)"
