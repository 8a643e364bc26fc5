"""Matrix products: dot, mv, mm, bmm, and matmul dispatching to them exactly as PyTorch does.

`a @ b` picks its kernel by the operands' dimensions (1-D·1-D → dot, 2-D@1-D → mv,
2-D@2-D → mm, batches → a folded mm/mv or bmm) and PyTorch's graph shows the reshapes around
it (`UnsqueezeBackward0`, `ViewBackward0`, `UnsafeViewBackward0`, …); this module builds the
same graph, so a learner sees the nodes PyTorch would draw.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu import blas
from engine.dtypes import scalar_type_name
from engine.ops import conversion, view
from engine.ops.broadcast import broadcast_shape
from engine.ops.operand import expect_tensor

if TYPE_CHECKING:
    from engine.tensor import Tensor

_C10_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "int32": "int",
              "bool": "bool", "float16": "c10::Half"}  # fmt: skip


def _scalar_name(t: Tensor) -> str:
    return scalar_type_name(t._dtype)


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray | np.generic)


def _save_pair(node: Node, a: Tensor, b: Tensor) -> None:
    # each input's gradient needs only the other input: save what will be needed, as PyTorch
    node.save(a if b._requires_grad else None, b if a._requires_grad else None)


def _product(a: Tensor, b: Tensor, data: Any) -> Tensor:
    dt = a._dtype
    return a._make(np.asarray(data, dtype=dt.np), dt)


# --- dot ---------------------------------------------------------------------------------------


class DotBackward0(Node):
    """result = Σ_i self_i·tensor_i;  ∂result/∂self = tensor, ∂result/∂tensor = self."""

    __slots__ = ()
    saved_names = ("self", "tensor")
    derivatives = (
        Derivative("self", "tensor", r"\mathrm{tensor}", "grad * tensor"),
        Derivative("tensor", "self", r"\mathrm{self}", "grad * self"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, y = saved
        return (None if y is None else grad * y, None if x is None else grad * x)


def dot(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("dot", a)
    expect_tensor("dot", b, position=2, arg="tensor")
    if a._data.ndim != 1 or b._data.ndim != 1:
        raise RuntimeError(
            f"1D tensors expected, but got {a._data.ndim}D and {b._data.ndim}D tensors"
        )
    if a._dtype is not b._dtype:
        raise RuntimeError(
            "dot : expected both vectors to have same dtype, but found "
            f"{_scalar_name(a)} and {_scalar_name(b)}"
        )
    if a._data.size != b._data.size:
        raise RuntimeError(
            f"inconsistent tensor size, expected tensor [{a._data.size}] and src "
            f"[{b._data.size}] to have the same number of elements, but got {a._data.size} "
            f"and {b._data.size} elements respectively"
        )
    result = _product(a, b, blas.dot(a._data, b._data))
    if needs_grad(a, b):
        node = DotBackward0()
        _save_pair(node, a, b)
        record(node, result, (a, b))
    return result


# --- mv ----------------------------------------------------------------------------------------


class MvBackward0(Node):
    """result = self @ vec (matrix·vector);  ∂/∂self = outer(grad, vec), ∂/∂vec = selfᵀ @ grad."""

    __slots__ = ()
    saved_names = ("self", "vec")
    derivatives = (
        Derivative("self", "vec (per row)", r"\mathrm{vec}^\top", "grad.ger(vec)"),
        Derivative("vec", "selfᵀ", r"\mathrm{self}^\top", "self.t().mv(grad)"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        m, v = saved
        if _is_array(grad):
            return (
                None if v is None else np.outer(grad, v),
                None if m is None else blas.mv(m.T, grad),
            )
        g_self = None if v is None else grad.reshape(-1, 1) * v
        g_vec = None if m is None else mv(view.t(m), grad)
        return g_self, g_vec


def mv(m: Tensor, v: Tensor) -> Tensor:
    expect_tensor("mv", m)
    expect_tensor("mv", v, position=2, arg="vec")
    if m._data.ndim != 2 or v._data.ndim != 1:
        raise RuntimeError(
            f"vector + matrix @ vector expected, got 1, {m._data.ndim}, {v._data.ndim}"
        )
    rows, cols = m._data.shape
    if cols != v._data.shape[0]:
        raise RuntimeError(
            f"size mismatch, got input ({rows}), mat ({rows}x{cols}), vec ({v._data.shape[0]})"
        )
    if m._dtype is not v._dtype:
        raise RuntimeError(
            "addmv input tensors must have the same dtype, but got "
            f"{_scalar_name(v)}, {_scalar_name(m)}, and {_scalar_name(v)}"
        )
    result = _product(m, v, blas.mv(m._data, v._data))
    if needs_grad(m, v):
        node = MvBackward0()
        _save_pair(node, m, v)
        record(node, result, (m, v))
    return result


# --- mm ----------------------------------------------------------------------------------------


class MmBackward0(Node):
    """result = self @ mat2;  ∂/∂self: grad @ mat2ᵀ, ∂/∂mat2: selfᵀ @ grad."""

    __slots__ = ("mat2_sizes", "self_sizes")
    mat2_sizes: tuple[int, ...]
    self_sizes: tuple[int, ...]
    saved_names = ("self", "mat2")
    derivatives = (
        Derivative("self", "mat2ᵀ", r"\mathrm{mat2}^\top", "grad.mm(mat2.t())"),
        Derivative("mat2", "selfᵀ", r"\mathrm{self}^\top", "self.t().mm(grad)"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        a, b = saved
        if _is_array(grad):
            return (
                None if b is None else blas.mm(grad, b.T),
                None if a is None else blas.mm(a.T, grad),
            )
        g_self = None if b is None else mm(grad, view.t(b))
        g_mat2 = None if a is None else mm(view.t(a), grad)
        return g_self, g_mat2

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values.update(mat2_sym_sizes=self.mat2_sizes, self_sym_sizes=self.self_sizes)
        return values


def mm(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("mm", a)
    expect_tensor("mm", b, position=2, arg="mat2")
    if a._data.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b._data.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    (n, k), (k2, p) = a._data.shape, b._data.shape
    if k != k2:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({n}x{k} and {k2}x{p})")
    if a._dtype is not b._dtype:
        raise RuntimeError(
            "expected m1 and m2 to have the same dtype, but got: "
            f"{_C10_NAMES.get(a._dtype.name, a._dtype.name)} != "
            f"{_C10_NAMES.get(b._dtype.name, b._dtype.name)}"
        )
    result = _product(a, b, blas.mm(a._data, b._data))
    if needs_grad(a, b):
        node = MmBackward0()
        node.self_sizes = (n, k)
        node.mat2_sizes = (k2, p)
        _save_pair(node, a, b)
        record(node, result, (a, b))
    return result


# --- bmm ---------------------------------------------------------------------------------------


class BmmBackward0(Node):
    """result[b] = self[b] @ mat2[b];  ∂/∂self: grad @ mat2ᵀ, ∂/∂mat2: selfᵀ @ grad (per batch)."""

    __slots__ = ()
    saved_names = ("self", "mat2")
    derivatives = (
        Derivative("self", "mat2ᵀ", r"\mathrm{mat2}^\top", "grad.bmm(mat2.transpose(1, 2))"),
        Derivative("mat2", "selfᵀ", r"\mathrm{self}^\top", "self.transpose(1, 2).bmm(grad)"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        a, b = saved
        if _is_array(grad):
            return (
                None if b is None else blas.bmm(grad, np.swapaxes(b, 1, 2)),
                None if a is None else blas.bmm(np.swapaxes(a, 1, 2), grad),
            )
        g_self = None if b is None else bmm(grad, view.transpose(b, 1, 2))
        g_mat2 = None if a is None else bmm(view.transpose(a, 1, 2), grad)
        return g_self, g_mat2


def bmm(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("bmm", a)
    expect_tensor("bmm", b, position=2, arg="mat2")
    if a._data.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if b._data.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    batch, _, k = a._data.shape
    if b._data.shape[:2] != (batch, k):
        raise RuntimeError(
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"[{batch}, {k}] but got: [{b._data.shape[0]}, {b._data.shape[1]}]."
        )
    if a._dtype is not b._dtype:
        raise RuntimeError(f"expected scalar type {_scalar_name(a)} but found {_scalar_name(b)}")
    result = _product(a, b, blas.bmm(a._data, b._data))
    if needs_grad(a, b):
        node = BmmBackward0()
        _save_pair(node, a, b)
        record(node, result, (a, b))
    return result


# --- the reshapes matmul records ---------------------------------------------------------------


class SqueezeBackward4(Node):
    """result = self.squeeze_(dim) (in place, on matmul's fresh 1-D @ 2-D product)."""

    __slots__ = ("self_sizes",)
    self_sizes: tuple[int, ...]
    derivatives = (Derivative("self", "1 (moved)", "1", "grad.unsqueeze(dim)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad.reshape(self.self_sizes),)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()),)


def _squeeze0_(t: Tensor) -> Tensor:
    result = t._make(t._data.reshape(t._data.shape[1:]), t._dtype)
    if needs_grad(t):
        node = SqueezeBackward4()
        node.self_sizes = tuple(t._data.shape)
        record(node, result, (t,))
    return result


def _unsafe_view(t: Tensor, size: tuple[int, ...]) -> Tensor:
    """`at::_unsafe_view`: a reshape of a fresh result (UnsafeViewBackward0)."""
    result = t._make(t._data.reshape(size), t._dtype)
    if needs_grad(t):
        node = view.UnsafeViewBackward0()
        node.self_sizes = tuple(t._data.shape)
        record(node, result, (t,))
    return result


def _viewable(data: np.ndarray, size: tuple[int, ...]) -> bool:
    if data.flags["C_CONTIGUOUS"]:
        return True
    reshaped = data.view()
    try:
        reshaped.shape = size
    except AttributeError:
        return False
    return True


def _reshape(t: Tensor, size: tuple[int, ...]) -> Tensor:
    """`reshape` as PyTorch decomposes it: a view when strides allow, else clone + _unsafe_view."""
    if _viewable(t._data, size):
        return view.view(t, size)
    return _unsafe_view(conversion.clone(t), size)


def _strides(data: np.ndarray) -> tuple[int, ...]:
    return tuple(s // data.itemsize for s in data.strides)


def _is_contiguous(data: np.ndarray) -> bool:
    """PyTorch's contiguity: strides of size-1 dimensions do not matter."""
    expected = 1
    for size, stride in zip(reversed(data.shape), reversed(_strides(data)), strict=True):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


def _mT(t: Tensor) -> Tensor:
    return view.transpose(t, -2, -1)


def _should_fold(a: Tensor, b: Tensor) -> bool:
    """PyTorch's `should_fold`: fold the batch of the larger operand into an mm/mv."""
    a_larger = a._data.ndim >= b._data.ndim
    big = a._data if a_larger else np.swapaxes(b._data, -1, -2)
    dim_small = b._data.ndim if a_larger else a._data.ndim
    if not (big.ndim >= 3 and dim_small <= 2):
        return False
    if (b if a_larger else a)._requires_grad:
        # folding copies here, but keeps the backward from materialising a large expanded grad
        return True
    if a._data.ndim == 2:
        return False
    if big.size == 0:
        return True
    sizes, strides = big.shape, _strides(big)
    return all(strides[i] == strides[i + 1] * sizes[i + 1] for i in range(big.ndim - 2))


def matmul(a: Tensor, b: Tensor) -> Tensor:
    expect_tensor("matmul", a)
    if not hasattr(b, "_data"):
        raise TypeError(
            f"matmul(): argument 'other' (position 2) must be Tensor, not {type(b).__name__}"
        )
    d1, d2 = a._data.ndim, b._data.ndim
    if d1 == 0 or d2 == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {d1}D and {d2}D"
        )
    if d1 == 1 and d2 == 1:
        return dot(a, b)
    if d1 == 2 and d2 == 1:
        return mv(a, b)
    if d1 == 1 and d2 == 2:
        return _squeeze0_(mm(view.unsqueeze(a, 0), b))
    if d1 == 2 and d2 == 2:
        return mm(a, b)
    if _should_fold(a, b):
        return _folded(a, b)
    return _batched(a, b)


def _folded(a: Tensor, b: Tensor) -> Tensor:
    """A batch folded into the rows of one matrix: (…, n, k) @ (k, p) as one mm (or mv)."""
    transpose = b._data.ndim > a._data.ndim
    t1 = _mT(b) if transpose else a
    t2 = (view.t(a) if a._data.ndim == 2 else a) if transpose else b
    sizes_1 = tuple(t1._data.shape)
    output_shape = sizes_1[:-1]
    folded = math.prod(output_shape)
    t1_folded = _reshape(t1, (folded, sizes_1[-1]))
    if t2._data.ndim == 2:
        output_shape = (*output_shape, t2._data.shape[1])
        output = _unsafe_view(mm(t1_folded, t2), output_shape)
        if not transpose:
            return output
        flipped = _mT(output)
        return flipped if _is_contiguous(flipped._data) else conversion.clone(flipped)
    return _unsafe_view(mv(t1_folded, t2), output_shape)


def _batched(a: Tensor, b: Tensor) -> Tensor:
    """Broadcast the batch dimensions, flatten them, and run one bmm."""
    d1, d2 = a._data.ndim, b._data.ndim
    sa, sb = tuple(a._data.shape), tuple(b._data.shape)
    n = sa[-2] if d1 > 1 else 1
    m1 = sa[-1]
    m2 = sb[-2] if d2 > 1 else sb[0]
    p = sb[-1] if d2 > 1 else 1
    batch = broadcast_shape(sa[: max(d1 - 2, 0)], sb[: max(d2 - 2, 0)])
    count = math.prod(batch)
    a_expanded = _reshape(view.expand(a, (*batch, n, m1)), (count, n, m1))
    vector_rhs = d2 == 1
    b_expanded = view.expand(b, (*batch, m2) if vector_rhs else (*batch, m2, p))
    if vector_rhs:
        b_expanded = view.unsqueeze(_reshape(b_expanded, (count, m2)), 2)
    else:
        b_expanded = _reshape(b_expanded, (count, m2, p))
    output_shape = batch + ((n,) if d1 > 1 else ()) + ((p,) if d2 > 1 else ())
    product = bmm(a_expanded, b_expanded)
    if vector_rhs:
        product = view.squeeze(product, -1)
    return _unsafe_view(product, output_shape)
