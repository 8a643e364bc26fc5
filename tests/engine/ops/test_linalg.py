"""Matrix products: matmul dispatches to the nodes PyTorch records, with PyTorch's errors.

Expected node chains and messages were produced by PyTorch 2.13 (CPU).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import engine as torch


def _chain(y: torch.Tensor) -> list[str]:
    """grad_fn names, depth-first along next_functions (AccumulateGrad included)."""
    out: list[str] = []
    stack = [y.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is None:
            continue
        out.append(type(fn).__name__)
        stack.extend(n for n, _ in reversed(fn.next_functions))
    return out


@pytest.mark.parametrize(
    ("a_shape", "b_shape", "grad_a", "grad_b", "chain"),
    [
        ((3,), (3,), True, True, ["DotBackward0", "AccumulateGrad", "AccumulateGrad"]),
        ((2, 3), (3,), True, True, ["MvBackward0", "AccumulateGrad", "AccumulateGrad"]),
        ((2, 3), (3, 4), True, True, ["MmBackward0", "AccumulateGrad", "AccumulateGrad"]),
        (
            (3,), (3, 4), True, True,
            ["SqueezeBackward4", "MmBackward0", "UnsqueezeBackward0", "AccumulateGrad",
             "AccumulateGrad"],
        ),
        (
            (5, 2, 3), (3, 4), True, True,
            ["UnsafeViewBackward0", "MmBackward0", "ViewBackward0", "AccumulateGrad",
             "AccumulateGrad"],
        ),
        (
            (5, 2, 3), (5, 3, 4), True, True,
            ["UnsafeViewBackward0", "BmmBackward0", "ViewBackward0", "ExpandBackward0",
             "AccumulateGrad", "ViewBackward0", "ExpandBackward0", "AccumulateGrad"],
        ),
        (
            (2, 3), (5, 3, 4), True, True,
            ["CloneBackward0", "TransposeBackward0", "UnsafeViewBackward0", "MmBackward0",
             "UnsafeViewBackward0", "CloneBackward0", "TransposeBackward0", "AccumulateGrad",
             "TBackward0", "AccumulateGrad"],
        ),
        (
            (3,), (5, 3, 4), True, True,
            ["UnsafeViewBackward0", "MvBackward0", "UnsafeViewBackward0", "CloneBackward0",
             "TransposeBackward0", "AccumulateGrad", "AccumulateGrad"],
        ),
        (
            (2, 1, 2, 3), (5, 3, 4), True, True,
            ["UnsafeViewBackward0", "BmmBackward0", "UnsafeViewBackward0", "CloneBackward0",
             "ExpandBackward0", "AccumulateGrad", "UnsafeViewBackward0", "CloneBackward0",
             "ExpandBackward0", "AccumulateGrad"],
        ),
        # whether PyTorch folds the batch into one mm depends on which side requires grad
        (
            (2, 3), (5, 3, 4), False, True,
            ["UnsafeViewBackward0", "BmmBackward0", "ViewBackward0", "ExpandBackward0",
             "AccumulateGrad"],
        ),
    ],
)  # fmt: skip
def test_matmul_records_pytorchs_nodes(
    a_shape: tuple[int, ...],
    b_shape: tuple[int, ...],
    grad_a: bool,
    grad_b: bool,
    chain: list[str],
) -> None:
    a = torch.ones(a_shape, requires_grad=grad_a)
    b = torch.ones(b_shape, requires_grad=grad_b)
    assert _chain(a @ b) == chain


def test_saved_operands_are_only_those_backward_needs() -> None:
    x = torch.ones(2, 3)
    w = torch.ones(3, 4, requires_grad=True)
    saved = (x @ w).grad_fn.saved_values()
    assert saved["self"] is x and saved["mat2"] is None


def test_values_and_gradients() -> None:
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    w = torch.tensor([[0.5, -1.0], [2.0, 1.0]], requires_grad=True)
    y = x @ w
    assert repr(y) == "tensor([[4.5000, 1.0000],\n        [9.5000, 1.0000]], grad_fn=<MmBackward0>)"
    y.sum().backward()
    assert x.grad.tolist() == [[-0.5, 3.0], [-0.5, 3.0]]
    assert w.grad.tolist() == [[4.0, 4.0], [6.0, 6.0]]
    v = torch.tensor([1.0, 2.0, 3.0])
    assert repr(v.dot(v)) == "tensor(14.)"
    assert repr(torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1, 0], [0, 1]])) == (
        "tensor([[1, 2],\n        [3, 4]])"
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: torch.ones(3) @ torch.ones(4), RuntimeError,
         "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of "
         "elements, but got 3 and 4 elements respectively"),
        (lambda: torch.ones(2, 3) @ torch.ones(4), RuntimeError,
         "size mismatch, got input (2), mat (2x3), vec (4)"),
        (lambda: torch.ones(2, 3) @ torch.ones(4, 5), RuntimeError,
         "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
        (lambda: torch.ones(4) @ torch.ones(3, 5), RuntimeError,
         "mat1 and mat2 shapes cannot be multiplied (1x4 and 3x5)"),
        (lambda: torch.ones(5, 2, 3) @ torch.ones(4, 6), RuntimeError,
         "mat1 and mat2 shapes cannot be multiplied (10x3 and 4x6)"),
        (lambda: torch.ones(5, 2, 3) @ torch.ones(4, 3, 6), RuntimeError,
         "The size of tensor a (5) must match the size of tensor b (4) at non-singleton "
         "dimension 0"),
        (lambda: torch.ones(()) @ torch.ones(3), RuntimeError,
         "both arguments to matmul need to be at least 1D, but they are 0D and 1D"),
        (lambda: torch.mm(torch.ones(3), torch.ones(3, 4)), RuntimeError, "self must be a matrix"),
        (lambda: torch.mm(torch.ones(2, 3), torch.ones(3)), RuntimeError, "mat2 must be a matrix"),
        (lambda: torch.mv(torch.ones(3), torch.ones(3)), RuntimeError,
         "vector + matrix @ vector expected, got 1, 1, 1"),
        (lambda: torch.dot(torch.ones(2, 3), torch.ones(3)), RuntimeError,
         "1D tensors expected, but got 2D and 1D tensors"),
        (lambda: torch.dot(torch.ones(3), torch.ones(3, dtype=torch.float64)), RuntimeError,
         "dot : expected both vectors to have same dtype, but found Float and Double"),
        (lambda: torch.mm(torch.ones(2, 3), torch.ones(3, 4, dtype=torch.float64)), RuntimeError,
         "expected m1 and m2 to have the same dtype, but got: float != double"),
        (lambda: torch.mv(torch.ones(2, 3), torch.ones(3, dtype=torch.float64)), RuntimeError,
         "addmv input tensors must have the same dtype, but got Double, Float, and Double"),
        (lambda: torch.ones(5, 2, 3) @ torch.ones(5, 3, 4, dtype=torch.float64), RuntimeError,
         "expected scalar type Float but found Double"),
        (lambda: torch.matmul(torch.ones(3), torch.ones(5, 4, 2)), RuntimeError,
         "Expected size for first two dimensions of batch2 tensor to be: [5, 3] but got: [5, 4]."),
        (lambda: torch.matmul(torch.ones(3), [1.0, 2.0, 3.0]), TypeError,
         "matmul(): argument 'other' (position 2) must be Tensor, not list"),
    ],
)  # fmt: skip
def test_errors_use_pytorchs_words(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


def _cpu_key() -> str:
    """This machine's kind, as the golden fixtures name it (tools/golden/cpu_fixture.py)."""
    path = Path(__file__).resolve().parents[3] / "tools" / "golden" / "cpu_fixture.py"
    spec = importlib.util.spec_from_file_location("golden_cpu_fixture", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    key: str = module.cpu_key()
    return key


# torch 2.13's bits for a 2x3 @ 3x2 float32 product (MKL's sgemm, 1 thread), by CPU: on the
# Intel AVX-512 reference MKL adds the terms in its own order (a plain left-to-right sum gives
# 0.05249999463558197, 0.2774999737739563 and -0.028500020503997803 for three of the four
# entries); on an AMD EPYC with AVX-512 MKL's kernel gives exactly that left-to-right sum
SMALL_PRODUCT = {
    "GenuineIntel-AVX512": [
        [0.05249999091029167, 0.2775000035762787],
        [-0.02850000374019146, 0.4664999842643738],
    ],
    "AuthenticAMD-AVX512": [
        [0.05249999463558197, 0.2774999737739563],
        [-0.028500020503997803, 0.4664999842643738],
    ],
}


def test_small_products_add_terms_in_pytorchs_order() -> None:
    key = _cpu_key()
    assert key in SMALL_PRODUCT, f"record torch's result on this CPU ({key})"
    a = torch.tensor([[0.15, 0.25, 0.35], [0.45, 0.55, 0.65]])
    b = torch.tensor([[-0.69, -0.39], [-0.09, 0.21], [0.51, 0.81]])
    assert (a @ b).tolist() == SMALL_PRODUCT[key]
