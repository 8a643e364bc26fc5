"""softmax and log_softmax along a dimension: one node each, as in PyTorch (not exp and sum).

Both subtract the maximum along `dim` before exponentiating, so large logits do not overflow.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu import softmax as cpu_softmax
from engine.dtypes import scalar_type_name
from engine.ops import conversion, pointwise
from engine.ops.operand import expect_tensor
from engine.size import wrap_dim

if TYPE_CHECKING:
    from engine.tensor import Tensor


class _AlongDim(Node):
    """A node of a function applied along one dimension; it saves its result and the dim."""

    __slots__ = ("axis", "dim")
    axis: int
    dim: int
    saved_names: ClassVar[tuple[str, ...]] = ("result",)

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values["dim"] = self.dim
        return values


def _sum_keep(value: Any, axis: int) -> Any:
    if isinstance(value, np.ndarray | np.generic):
        return np.sum(value, axis=axis, keepdims=True)
    return value.sum(axis, keepdim=True)


class SoftmaxBackward0(_AlongDim):
    """result_i = e^(self_i) / Σ_j e^(self_j);  ∂result_i/∂self_j = result_i·(δ_ij − result_j)."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "result * (δ - result)",
            r"y_i(\delta_{ij} - y_j)",
            "_softmax_backward_data(grad, result, dim)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (y,) = saved
        if not np.ndim(getattr(y, "_data", y)):
            return (grad * 0,)
        if isinstance(y, np.ndarray | np.generic):
            return (_softmax_grad(grad, np.asarray(y), self.axis),)
        return (softmax_backward_data(grad, y, self.axis, self.dim),)


class LogSoftmaxBackward0(_AlongDim):
    """result_i = self_i − log Σ_j e^(self_j) along dim;  ∂result_i/∂self_j = δ_ij − softmax_j."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "self",
            "δ - exp(result)",
            r"\delta_{ij} - e^{y_j}",
            "_log_softmax_backward_data(grad, result, dim)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (y,) = saved
        if not np.ndim(getattr(y, "_data", y)):
            return (grad * 0,)
        if isinstance(y, np.ndarray | np.generic):
            return (_log_softmax_grad(grad, np.asarray(y), self.axis),)
        return (log_softmax_backward_data(grad, y, self.axis, self.dim),)


Kernel = Callable[..., np.ndarray]
_KERNELS: dict[str, tuple[Kernel, Kernel]] = {
    "softmax": (cpu_softmax.softmax_lastdim, cpu_softmax.softmax_dim),
    "log_softmax": (cpu_softmax.log_softmax_lastdim, cpu_softmax.log_softmax_dim),
    "softmax_backward": (cpu_softmax.softmax_backward_lastdim, cpu_softmax.softmax_backward_dim),
    "log_softmax_backward": (
        cpu_softmax.log_softmax_backward_lastdim,
        cpu_softmax.log_softmax_backward_dim,
    ),
}


def _kernel(name: str, axis: int, *arrays: np.ndarray) -> np.ndarray | None:
    """ATen's kernel (engine.cpu.softmax) for `name` along `axis` — the last-dimension one on
    rows, the other on (outer, dim, inner) blocks — or None for a dtype it has no build for."""
    first = arrays[0]
    if first.ndim == 0 or first.dtype.char not in "fd" or first.size == 0:
        return None
    if any(a.dtype != first.dtype for a in arrays):
        return None
    lastdim, other = _KERNELS[name]
    if axis == first.ndim - 1:
        rows = [np.ascontiguousarray(a).reshape(-1, first.shape[-1]) for a in arrays]
        return np.asarray(lastdim(*rows)).reshape(first.shape)
    outer = math.prod(first.shape[:axis])
    blocks = [np.ascontiguousarray(a).reshape(outer, first.shape[axis], -1) for a in arrays]
    return np.asarray(other(*blocks)).reshape(first.shape)


def _softmax_grad(grad: np.ndarray, y: np.ndarray, axis: int) -> np.ndarray:
    exact = _kernel("softmax_backward", axis, grad, y)
    if exact is not None:
        return exact
    return np.asarray(y * (grad - np.sum(grad * y, axis=axis, keepdims=True)))


def _log_softmax_grad(grad: np.ndarray, y: np.ndarray, axis: int) -> np.ndarray:
    exact = _kernel("log_softmax_backward", axis, grad, y)
    if exact is not None:
        return exact
    with np.errstate(all="ignore"):
        return np.asarray(grad - pointwise.exp_(y) * np.sum(grad, axis=axis, keepdims=True))


# --- the backward functions as differentiable ops (create_graph=True) ---------------------------


class _BackwardData(_AlongDim):
    """The gradient of softmax/log_softmax, itself recorded so it can be differentiated again."""

    __slots__ = ()
    saved_names = ("grad_output", "output")


class SoftmaxBackwardDataBackward0(_BackwardData):
    """result = output·(grad_output − Σ grad_output·output);  the second derivative of softmax."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "grad_output",
            "output * (δ - output)",
            r"y_i(\delta_{ij} - y_j)",
            "_softmax_backward_data(grad, output, dim)",
        ),
        Derivative(
            "output",
            "grad_output - Σ(grad_output * output) (and the sum's share)",
            r"g_i - \textstyle\sum_j g_j y_j",
            "softmax_double_backward(grad, grad_output, dim, output)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        go, y = saved
        if isinstance(y, np.ndarray | np.generic):
            g_out = (
                grad * go
                - _sum_keep(go * y, self.axis) * grad
                - go * _sum_keep(grad * y, self.axis)
            )
            return _softmax_grad(grad, np.asarray(y), self.axis), g_out
        g_go = softmax_backward_data(grad, y, self.axis, self.dim)
        g_out = (
            grad * go - _sum_keep(go * y, self.axis) * grad - go * _sum_keep(grad * y, self.axis)
        )
        return g_go, g_out


class LogSoftmaxBackwardDataBackward0(_BackwardData):
    """result = grad_output − e^output · Σ grad_output;  the second derivative of log_softmax."""

    __slots__ = ()
    derivatives = (
        Derivative(
            "grad_output",
            "δ - exp(output)",
            r"\delta_{ij} - e^{y_j}",
            "grad - (grad * output.exp()).sum(dim, true)",
        ),
        Derivative(
            "output",
            "-Σ grad_output · exp(output)",
            r"-e^{y_i}\textstyle\sum_j g_j",
            "-grad_output.sum(dim, true) * output.exp() * grad",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        go, y = saved
        e = (
            pointwise.exp_(np.asarray(y))
            if isinstance(y, np.ndarray | np.generic)
            else (pointwise.exp(y))
        )
        g_go = grad - _sum_keep(grad * e, self.axis)
        g_out = -_sum_keep(go, self.axis) * e * grad
        return g_go, g_out


def _backward_data(
    node: _BackwardData, grad: Tensor, y: Tensor, axis: int, dim: int, data: np.ndarray
) -> Tensor:
    result = y._make(np.asarray(data, dtype=y._data.dtype), y._dtype)
    if needs_grad(grad, y):
        node.axis, node.dim = axis, dim
        node.save(grad, y)
        record(node, result, (grad, y))
    return result


def softmax_backward_data(grad: Tensor, y: Tensor, axis: int, dim: int) -> Tensor:
    """`_softmax_backward_data`: softmax's backward as a recorded op."""
    data = _softmax_grad(grad._data, y._data, axis)
    return _backward_data(SoftmaxBackwardDataBackward0(), grad, y, axis, dim, data)


def log_softmax_backward_data(grad: Tensor, y: Tensor, axis: int, dim: int) -> Tensor:
    """`_log_softmax_backward_data`: log_softmax's backward as a recorded op."""
    data = _log_softmax_grad(grad._data, y._data, axis)
    return _backward_data(LogSoftmaxBackwardDataBackward0(), grad, y, axis, dim, data)


def _prepared(op: str, t: Tensor, dim: int, dtype: dtypes.dtype | None) -> tuple[Tensor, int]:
    expect_tensor(op, t)
    if dtype is not None:
        t = conversion.to(t, dtype)
    axis = wrap_dim(dim, t._data.ndim)
    if not t._dtype.is_floating_point:
        kernel = (
            f"{op}_lastdim_kernel_impl"
            if axis == t._data.ndim - 1 or t._data.ndim == 0
            else (f"{op}_kernel_impl")
        )
        raise NotImplementedError(
            f"\"{kernel}\" not implemented for '{scalar_type_name(t._dtype)}'"
        )
    return t, axis


# log of the sum in double, then rounded: agrees with PyTorch's log_softmax far more often
_log = pointwise.via_double(np.log)


def _shifted(x: np.ndarray, axis: int) -> np.ndarray:
    """x − max(x) along the axis (an all −inf slice stays as it is, giving nan like PyTorch)."""
    peak = np.max(x, axis=axis, keepdims=True)
    return np.asarray(x - np.where(np.isfinite(peak), peak, 0).astype(x.dtype))


def softmax(t: Tensor, dim: int, dtype: dtypes.dtype | None = None) -> Tensor:
    t, axis = _prepared("softmax", t, dim, dtype)
    x = t._data
    with np.errstate(all="ignore"):
        exact = _kernel("softmax", axis, x)
        if x.ndim == 0:
            data = np.ones_like(x)
        elif exact is not None:
            data = exact
        else:
            e = pointwise.exp_(_shifted(x, axis))
            total = np.sum(e, axis=axis, keepdims=True)
            # PyTorch's last-dim kernel multiplies by 1/sum; the strided kernel divides
            data = e * (1 / total) if axis == x.ndim - 1 else e / total
    result = t._make(np.asarray(data, dtype=x.dtype), t._dtype)
    if needs_grad(t):
        node = SoftmaxBackward0()
        node.axis, node.dim = axis, dim
        node.save(result)
        record(node, result, (t,))
    return result


def log_softmax(t: Tensor, dim: int, dtype: dtypes.dtype | None = None) -> Tensor:
    t, axis = _prepared("log_softmax", t, dim, dtype)
    x = t._data
    with np.errstate(all="ignore"):
        exact = _kernel("log_softmax", axis, x)
        if x.ndim == 0:
            data = np.zeros_like(x)
        elif exact is not None:
            data = exact
        else:
            shifted = _shifted(x, axis)
            total = np.sum(pointwise.exp_(shifted), axis=axis, keepdims=True)
            data = shifted - _log(total)
    result = t._make(np.asarray(data, dtype=x.dtype), t._dtype)
    if needs_grad(t):
        node = LogSoftmaxBackward0()
        node.axis, node.dim = axis, dim
        node.save(result)
        record(node, result, (t,))
    return result
