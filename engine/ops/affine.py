"""Affine maps: `addmm` (bias + mat1 @ mat2) and `linear` (x @ Wᵀ + b), as nn.Linear runs them.

`F.linear` with a bias is one `addmm` node when the input is a matrix (and, for a contiguous
input of other ranks, an addmm on the input flattened to a matrix, viewed back), so the graph a
learner sees for `nn.Linear` is `AddmmBackward0` with the bias, the input and `TBackward0` of
the weight as its three inputs — what PyTorch draws. addmm adds the product onto the bias
inside the matrix product (BLAS beta = 1), which rounds like PyTorch, not like `x @ W.T + b`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu import blas
from engine.dtypes import Number, scalar_type_name
from engine.ops import inplace, linalg, view
from engine.ops.broadcast import broadcast_shape
from engine.ops.cascade_sum import torch_sum
from engine.ops.operand import expect_tensor

if TYPE_CHECKING:
    from engine.tensor import Tensor


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray | np.generic)


def sum_to_shape(grad: Grad, shape: tuple[int, ...]) -> Grad:
    """Undo a broadcast in backward, summing in PyTorch's order (autograd's `sum_to`)."""
    gshape = tuple(grad.shape)
    if gshape == shape:
        return grad
    lead = len(gshape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, d in enumerate(shape) if d == 1 and gshape[lead + i] != 1
    )
    if _is_array(grad):
        return torch_sum(np.asarray(grad), axes, True).reshape(shape)
    return grad.sum(dim=axes, keepdim=True).reshape(shape)


# --- addmm -------------------------------------------------------------------------------------


class AddmmBackward0(Node):
    """result = beta·self + alpha·(mat1 @ mat2);  ∂/∂self = beta (summed over the broadcast),
    ∂/∂mat1: grad @ mat2ᵀ, ∂/∂mat2: mat1ᵀ @ grad (each times alpha)."""

    __slots__ = ("alpha", "beta", "mat1_sizes", "mat1_strides", "mat2_sizes", "mat2_strides",
                 "self_sizes")  # fmt: skip
    alpha: Number
    beta: Number
    mat1_sizes: tuple[int, ...]
    mat1_strides: tuple[int, ...]
    mat2_sizes: tuple[int, ...]
    mat2_strides: tuple[int, ...]
    self_sizes: tuple[int, ...]
    saved_names = ("mat1", "mat2")
    derivatives = (
        Derivative("self", "beta", r"\beta", "maybe_multiply(grad, beta)"),
        Derivative("mat1", "alpha · mat2ᵀ", r"\alpha\,\mathrm{mat2}^\top", "grad.mm(mat2.t())"),
        Derivative("mat2", "alpha · mat1ᵀ", r"\alpha\,\mathrm{mat1}^\top", "mat1.t().mm(grad)"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        mat1, mat2 = saved
        wanted = tuple(nxt is not None for nxt, _ in self.next_functions)
        g_self = g_mat1 = g_mat2 = None
        if _is_array(grad):
            if wanted[0]:
                g_self = sum_to_shape(_scaled(grad, self.beta), self.self_sizes)
            if wanted[1] and mat2 is not None:
                g_mat1 = _scaled(_mat1_backward(grad, mat2, self.mat1_sizes, self.mat1_strides),
                                 self.alpha)  # fmt: skip
            if wanted[2] and mat1 is not None:
                g_mat2 = _scaled(_mat2_backward(grad, mat1, self.mat2_sizes, self.mat2_strides),
                                 self.alpha)  # fmt: skip
            return g_self, g_mat1, g_mat2
        # create_graph: the same formulas as differentiable ops
        t_self = t_mat1 = t_mat2 = None
        if wanted[0]:
            t_self = sum_to_shape(grad if self.beta == 1 else grad * self.beta, self.self_sizes)
        if wanted[1] and mat2 is not None:
            t_mat1 = linalg.mm(grad, view.t(mat2))
            t_mat1 = t_mat1 if self.alpha == 1 else t_mat1 * self.alpha
        if wanted[2] and mat1 is not None:
            t_mat2 = linalg.mm(view.t(mat1), grad)
            t_mat2 = t_mat2 if self.alpha == 1 else t_mat2 * self.alpha
        return t_self, t_mat1, t_mat2

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        mat1, mat2 = values.get("mat1"), values.get("mat2")
        values.update(
            alpha=self.alpha,
            beta=self.beta,
            mat1_sym_sizes=self.mat1_sizes,
            mat1_sym_strides=self.mat1_strides if mat2 is not None else (),
            mat2_sym_sizes=self.mat2_sizes,
            mat2_sym_strides=self.mat2_strides if mat1 is not None else (),
        )
        return values


def _scaled(value: np.ndarray, factor: Number) -> np.ndarray:
    if factor == 1:
        return value
    return np.asarray(value * np.asarray(factor, dtype=value.dtype))


def _strides(data: np.ndarray) -> tuple[int, ...]:
    return tuple(s // data.itemsize for s in data.strides)


def _column_major(sizes: tuple[int, ...], strides: tuple[int, ...]) -> bool:
    return strides[0] == 1 and strides[1] == sizes[0]


def _mat1_backward(
    grad: np.ndarray, mat2: np.ndarray, sizes: tuple[int, ...], strides: tuple[int, ...]
) -> np.ndarray:
    """`mm_mat1_backward`: grad @ mat2ᵀ, computed transposed when mat1 was column-major."""
    if _column_major(sizes, strides):
        return blas.mm(mat2, grad.T).T
    return blas.mm(grad, mat2.T)


def _mat2_backward(
    grad: np.ndarray, mat1: np.ndarray, sizes: tuple[int, ...], strides: tuple[int, ...]
) -> np.ndarray:
    """`mm_mat2_backward`: mat1ᵀ @ grad, computed as (gradᵀ @ mat1)ᵀ when mat2 was
    column-major — as nn.Linear's `weight.t()` is, so the weight's gradient rounds as
    PyTorch's does."""
    if _column_major(sizes, strides):
        return blas.mm(grad.T, mat1).T
    return blas.mm(mat1.T, grad)


def _check_addmm(bias: Tensor, mat1: Tensor, mat2: Tensor) -> tuple[int, int]:
    expect_tensor("addmm", bias)
    expect_tensor("addmm", mat1, position=2, arg="mat1")
    expect_tensor("addmm", mat2, position=3, arg="mat2")
    if mat1._data.ndim != 2:
        raise RuntimeError(f"mat1 must be a matrix, got {mat1._data.ndim}-D tensor")
    if mat2._data.ndim != 2:
        raise RuntimeError(f"mat2 must be a matrix, got {mat2._data.ndim}-D tensor")
    (n, k), (k2, p) = mat1._data.shape, mat2._data.shape
    if k != k2:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({n}x{k} and {k2}x{p})")
    if not (mat1._dtype is mat2._dtype is bias._dtype):
        raise RuntimeError(
            "self and mat2 must have the same dtype, but got "
            f"{scalar_type_name(mat1._dtype)} and {scalar_type_name(mat2._dtype)}"
        )
    try:
        broadcast_shape(tuple(bias._data.shape), (n, p))
    except RuntimeError:
        raise RuntimeError(
            f"The expanded size of the tensor ({p}) must match the existing size "
            f"({bias._data.shape[-1]}) at non-singleton dimension 1.  Target sizes: [{n}, {p}]."
            f"  Tensor sizes: [{', '.join(str(d) for d in bias._data.shape)}]"
        ) from None
    return n, p


def addmm(
    bias: Tensor, mat1: Tensor, mat2: Tensor, *, beta: Number = 1, alpha: Number = 1
) -> Tensor:
    """beta·bias + alpha·(mat1 @ mat2), bias broadcast to the product's shape."""
    _check_addmm(bias, mat1, mat2)
    a, b, c = mat1._data, mat2._data, bias._data
    if beta == 1 and alpha == 1:
        data = blas.mm(a, b, c)
    else:
        product = blas.mm(a, b)
        scale = np.asarray(alpha, dtype=a.dtype)
        data = np.asarray(product * scale if beta == 0 else product * scale + c * beta)
    result = mat1._make(np.asarray(data, dtype=a.dtype), mat1._dtype)
    if needs_grad(bias, mat1, mat2):
        node = AddmmBackward0()
        node.alpha, node.beta = alpha, beta
        node.mat1_sizes, node.mat1_strides = tuple(a.shape), _strides(a)
        node.mat2_sizes, node.mat2_strides = tuple(b.shape), _strides(b)
        node.self_sizes = tuple(c.shape)
        node.save(mat1 if mat2._requires_grad else None, mat2 if mat1._requires_grad else None)
        record(node, result, (bias, mat1, mat2))
    return result


# --- linear ------------------------------------------------------------------------------------


def linear(input: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """input @ weightᵀ + bias: ATen's `linear`, with its choice of addmm or matmul + add_."""
    expect_tensor("linear", input)
    expect_tensor("linear", weight, position=2, arg="weight")
    if bias is not None and not hasattr(bias, "_data"):
        raise TypeError(
            f"linear(): argument 'bias' (position 3) must be Tensor, not {type(bias).__name__}"
        )
    in_dim, w_dim = input._data.ndim, weight._data.ndim
    if in_dim == 0 or w_dim == 0:
        raise RuntimeError(
            f"both arguments to linear need to be at least 1D, but they are {in_dim}D and {w_dim}D"
        )
    if input._dtype is not weight._dtype:
        raise RuntimeError(
            "mat1 and mat2 must have the same dtype, but got "
            f"{scalar_type_name(input._dtype)} and {scalar_type_name(weight._dtype)}"
        )
    weight_t = view.t(weight)
    if bias is not None and in_dim == 2:
        return addmm(bias, input, weight_t)
    if bias is not None and input.is_contiguous() and bias._data.ndim == 1 and w_dim == 2:
        return _flatten_nd_linear(input, weight_t, bias)
    output = linalg.matmul(input, weight_t)
    if bias is None:
        return output
    return inplace.add_(output, bias)


def _flatten_nd_linear(input: Tensor, weight_t: Tensor, bias: Tensor) -> Tensor:
    """A contiguous input of any rank: flattened to a matrix, one addmm, viewed back."""
    sizes = tuple(input._data.shape)
    rows = math.prod(sizes[:-1])
    if sizes[-1] != weight_t._data.shape[0]:
        raise RuntimeError(
            f"mat1 and mat2 shapes cannot be multiplied ({rows}x{sizes[-1]} and "
            f"{weight_t._data.shape[0]}x{weight_t._data.shape[1]})"
        )
    flat = view.reshape(input, (rows, sizes[-1]))
    result = addmm(bias, flat, weight_t)
    return view.view(result, (*sizes[:-1], int(result._data.shape[1])))
