"""Reductions as a learner sees them: SumBackward0 vs SumBackward1, max's named tuple, ties.

Expected values and messages were produced by PyTorch 2.13 (CPU).
"""

from __future__ import annotations

import pytest

import engine as torch


def _x() -> torch.Tensor:
    return torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], requires_grad=True)


def test_overload_suffixes_follow_pytorch() -> None:
    x = _x()
    assert x.sum().grad_fn.name() == "SumBackward0"
    assert x.sum(0).grad_fn.name() == "SumBackward1"
    assert x.sum((0, 1)).grad_fn.name() == "SumBackward1"
    assert x.sum(()).grad_fn.name() == "SumBackward1"
    assert x.mean().grad_fn.name() == "MeanBackward0"
    assert x.mean(0).grad_fn.name() == "MeanBackward1"
    assert x.max().grad_fn.name() == "MaxBackward1"
    assert x.min().grad_fn.name() == "MinBackward1"
    assert x.max(1).values.grad_fn.name() == "MaxBackward0"
    assert x.min(0).values.grad_fn.name() == "MinBackward0"
    assert torch.max(x, torch.ones(3)).grad_fn.name() == "MaximumBackward0"
    assert torch.minimum(x, torch.ones(3)).grad_fn.name() == "MinimumBackward0"


def test_max_along_a_dim_prints_as_pytorchs_named_tuple() -> None:
    r = _x().max(1)
    assert repr(r) == (
        "torch.return_types.max(\n"
        "values=tensor([5., 6.], grad_fn=<MaxBackward0>),\n"
        "indices=tensor([1, 2]))"
    )
    assert repr(type(r)) == "<class 'torch.return_types.max'>"
    values, indices = r
    assert values is r.values and indices is r[1] and len(r) == 2
    assert indices.grad_fn is None


def test_values_dtypes_and_keepdim() -> None:
    x = _x()
    assert repr(x.sum(-1, keepdim=True)) == (
        "tensor([[ 9.],\n        [12.]], grad_fn=<SumBackward1>)"
    )
    assert repr(torch.mean(x, 1, True)) == (
        "tensor([[3.],\n        [4.]], grad_fn=<MeanBackward1>)"
    )
    assert repr(torch.tensor([1, 2, 3]).sum()) == "tensor(6)"
    assert repr(torch.tensor([True, False, True]).sum()) == "tensor(2)"
    assert repr(x.argmax()) == "tensor(5)"
    assert repr(x.argmin(0, keepdim=True)) == "tensor([[0, 1, 0]])"
    assert repr(torch.tensor([]).sum()) == "tensor(0.)"
    assert repr(torch.tensor([]).mean()) == "tensor(nan)"


def test_gradients_of_ties() -> None:
    t = torch.tensor([3.0, 1.0, 3.0], requires_grad=True)
    t.max().backward()
    assert t.grad.tolist() == [0.5, 0.0, 0.5]  # split evenly over all maxima
    t = torch.tensor([[3.0, 1.0, 3.0]], requires_grad=True)
    t.max(1).values.backward()
    assert t.grad.tolist() == [[1.0, 0.0, 0.0]]  # only the returned index
    t = torch.tensor([[3.0, 3.0]], requires_grad=True)
    torch.max(t, torch.tensor([3.0, 1.0])).sum().backward()
    assert t.grad.tolist() == [[0.5, 1.0]]  # a tie between tensors halves it


def test_errors_use_pytorchs_words() -> None:
    x = torch.ones(2, 3)
    with pytest.raises(
        IndexError,
        match=r"^Dimension out of range \(expected to be in range of \[-2, 1\], but got 2\)$",
    ):
        x.sum(2)
    with pytest.raises(RuntimeError, match=r"^dim 0 appears multiple times in the list of dims$"):
        x.sum((0, 0))
    with pytest.raises(
        RuntimeError, match=r"^mean\(\): could not infer output dtype. .* Got: Long$"
    ):
        torch.tensor([1, 2]).mean()
    with pytest.raises(RuntimeError, match=r"^max\(\): Expected reduction dim to be specified"):
        torch.tensor([]).max()


def test_float32_sums_round_like_pytorchs_kernel() -> None:
    # `.item()` shows every digit, so the order of additions is visible; these values come from
    # torch 2.13 (numpy's pairwise sum gives 2.799999952316284, 21.0 and 4.201586723327637)
    assert torch.tensor([0.1 * i for i in range(1, 8)]).sum().item() == 2.8000001907348633
    assert torch.tensor([0.1 * i for i in range(1, 21)]).sum().item() == 21.000001907348633
    assert torch.tensor([0.1 * i for i in range(1, 21)]).mean().item() == 1.0500000715255737
    assert torch.tensor([1 / (i + 1) for i in range(37)]).sum().item() == 4.2015862464904785
    m = torch.tensor([[1 / (i + j + 1) for j in range(10)] for i in range(6)])
    assert m.sum(0).tolist() == [
        2.450000047683716, 1.5928572416305542, 1.2178571224212646, 0.995634913444519,
        0.845634937286377, 0.7365440130233765, 0.6532106995582581, 0.5872765779495239,
        0.5337051749229431, 0.4892607629299164,
    ]  # fmt: skip
    assert m.sum(1).tolist() == [
        2.9289681911468506, 2.0198774337768555, 1.6032108068466187, 1.3468005657196045,
        1.168229103088379, 1.034895658493042,
    ]  # fmt: skip
