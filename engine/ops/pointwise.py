"""Elementwise functions of one tensor: exp, log, sqrt, sin/cos/tanh, sigmoid, relu, abs, ….

Each op's node computes `grad * f'(x)` with the formula PyTorch's derivatives.yaml uses, so
gradients agree with PyTorch to the last bit where numpy's kernels allow. Nodes save what
PyTorch saves (`self` or `result`), so in-place changes and freed graphs fail the same way.
Every backward works on numpy arrays and, under `create_graph=True`, on Tensors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu import unary
from engine.ops.operand import expect_tensor

if TYPE_CHECKING:
    from engine.tensor import Tensor


def _float_data(t: Tensor) -> tuple[np.ndarray, dtypes.dtype]:
    """Integer and bool inputs of a floating function are computed in the default dtype."""
    if t._dtype.is_floating_point:
        return t._data, t._dtype
    dt = dtypes.get_default_dtype()
    return t._data.astype(dt.np), dt


def _apply(t: Tensor, fn: Callable[[np.ndarray], np.ndarray]) -> Tensor:
    data, dt = _float_data(t)
    with np.errstate(all="ignore"):  # log(0) = -inf and sqrt(-1) = nan, silently, as in PyTorch
        out = fn(data)
    return t._make(np.asarray(out, dtype=dt.np), dt)


def via_double(fn: Callable[[np.ndarray], np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    """`fn` evaluated in float64 and rounded back for float32 input (for kernels without an
    exact counterpart in engine.cpu)."""

    def wrapped(x: np.ndarray) -> np.ndarray:
        if x.dtype == np.float32:
            return np.asarray(fn(x.astype(np.float64)), dtype=np.float32)
        return np.asarray(fn(x))

    return wrapped


# PyTorch's own kernels, bit for bit (MKL's VML on x86-64; see engine.cpu.unary)
exp_ = unary.exp
sin_ = unary.sin
cos_ = unary.cos
tanh_ = unary.tanh


def _constant(like: Any, data: np.ndarray) -> Any:
    """`data` as a constant like `like`: an array, or a Tensor under create_graph."""
    if isinstance(like, np.ndarray | np.generic):
        return data
    return like._make(data, dtypes.from_numpy_dtype(data.dtype))


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray | np.generic)


class UnaryNode(Node):
    """An elementwise op of one tensor; `local` gives ∂result/∂self from the saved tensor."""

    __slots__ = ()

    def local(self, saved: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released or not self._saved or self._saved[0] is None:
            return (None,)
        with np.errstate(all="ignore"):
            return (np.asarray(self.local(self._saved[0]._data)),)


def _unary(t: Tensor, result: Tensor, node: Node, saved: Tensor) -> Tensor:
    if needs_grad(t):
        node.save(saved)
        record(node, result, (t,))
    return result


# --- exp / log / sqrt --------------------------------------------------------------------------


class ExpBackward0(UnaryNode):
    """result = exp(self);  ∂result/∂self = exp(self) = result."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (Derivative("self", "result", r"e^{\mathrm{self}}", "grad * result"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (result,) = saved
        return (grad * result,)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return saved


def exp(t: Tensor) -> Tensor:
    expect_tensor("exp", t)
    result = _apply(t, exp_)
    return _unary(t, result, ExpBackward0(), result)


class LogBackward0(UnaryNode):
    """result = ln(self);  ∂result/∂self = 1 / self."""

    __slots__ = ()
    saved_names = ("self",)
    derivatives = (Derivative("self", "1 / self", r"\frac{1}{\mathrm{self}}", "grad.div(self)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        with np.errstate(all="ignore"):
            return (grad / x,)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(1 / saved)


def log(t: Tensor) -> Tensor:
    expect_tensor("log", t)
    result = _apply(t, unary.log)
    return _unary(t, result, LogBackward0(), t)


class SqrtBackward0(UnaryNode):
    """result = √self;  ∂result/∂self = 1 / (2·√self) = 1 / (2·result)."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self", "1 / (2 * result)", r"\frac{1}{2\sqrt{\mathrm{self}}}", "grad / (2 * result)"
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (result,) = saved
        with np.errstate(all="ignore"):
            return (grad / (2 * result),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(1 / (2 * saved))


def sqrt(t: Tensor) -> Tensor:
    expect_tensor("sqrt", t)
    result = _apply(t, unary.sqrt)
    return _unary(t, result, SqrtBackward0(), result)


class Expm1Backward0(UnaryNode):
    """result = e^self − 1;  ∂result/∂self = e^self = result + 1."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (Derivative("self", "result + 1", r"e^{\mathrm{self}}", "grad * (result + 1)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (result,) = saved
        return (grad * (result + 1),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(saved + 1)


def expm1(t: Tensor) -> Tensor:
    expect_tensor("expm1", t)
    result = _apply(t, unary.expm1)
    return _unary(t, result, Expm1Backward0(), result)


class Log1PBackward0(UnaryNode):
    """result = ln(1 + self);  ∂result/∂self = 1 / (self + 1)."""

    __slots__ = ()
    saved_names = ("self",)
    derivatives = (
        Derivative("self", "1 / (self + 1)", r"\frac{1}{1 + \mathrm{self}}", "grad / (self + 1)"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        with np.errstate(all="ignore"):
            return (grad / (x + 1),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(1 / (saved + 1))


def log1p(t: Tensor) -> Tensor:
    expect_tensor("log1p", t)
    result = _apply(t, unary.log1p)
    return _unary(t, result, Log1PBackward0(), t)


class RsqrtBackward0(UnaryNode):
    """result = 1 / √self;  ∂result/∂self = −½ · self^(−3/2) = −0.5 · result³."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self", "-0.5 * result³", r"-\tfrac{1}{2}\,\mathrm{self}^{-3/2}",
            "-0.5 * grad * result.pow(3)",
        ),
    )  # fmt: skip

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (y,) = saved
        # (−0.5 · grad) · y³, y³ as pow(y, 3) computes it: y·y·y
        return ((-0.5 * grad) * (y * y * y),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(-0.5 * (saved * saved * saved))


def rsqrt(t: Tensor) -> Tensor:
    expect_tensor("rsqrt", t)
    result = _apply(t, unary.rsqrt)
    return _unary(t, result, RsqrtBackward0(), result)


# --- trigonometric and hyperbolic --------------------------------------------------------------


class SinBackward0(UnaryNode):
    """result = sin(self);  ∂result/∂self = cos(self)."""

    __slots__ = ()
    saved_names = ("self",)
    derivatives = (Derivative("self", "cos(self)", r"\cos \mathrm{self}", "grad * self.cos()"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        return (grad * (cos_(x) if _is_array(x) else cos(x)),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return cos_(saved)


def sin(t: Tensor) -> Tensor:
    expect_tensor("sin", t)
    result = _apply(t, sin_)
    return _unary(t, result, SinBackward0(), t)


class CosBackward0(UnaryNode):
    """result = cos(self);  ∂result/∂self = -sin(self)."""

    __slots__ = ()
    saved_names = ("self",)
    derivatives = (Derivative("self", "-sin(self)", r"-\sin \mathrm{self}", "grad * -self.sin()"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        return (grad * -(sin_(x) if _is_array(x) else sin(x)),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(-sin_(saved))


def cos(t: Tensor) -> Tensor:
    expect_tensor("cos", t)
    result = _apply(t, cos_)
    return _unary(t, result, CosBackward0(), t)


class TanhBackward0(UnaryNode):
    """result = tanh(self);  ∂result/∂self = 1 - tanh²(self) = 1 - result²."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self", "1 - result²", r"1 - \tanh^2 \mathrm{self}", "tanh_backward(grad, result)"
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (y,) = saved
        if _is_array(grad) and _is_array(y):
            return (unary.tanh_backward(grad, y),)
        return (grad * (1 - y * y),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return unary.tanh_backward(np.ones((), saved.dtype), saved)


def tanh(t: Tensor) -> Tensor:
    expect_tensor("tanh", t)
    result = _apply(t, tanh_)
    return _unary(t, result, TanhBackward0(), result)


class SigmoidBackward0(UnaryNode):
    """result = σ(self) = 1 / (1 + e^(-self));  ∂result/∂self = σ(self)·(1 - σ(self))."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self",
            "result * (1 - result)",
            r"\sigma(\mathrm{self})\,(1 - \sigma(\mathrm{self}))",
            "sigmoid_backward(grad, result)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (y,) = saved
        return (grad * (1 - y) * y,)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray((1 - saved) * saved)


def sigmoid(t: Tensor) -> Tensor:
    expect_tensor("sigmoid", t)
    result = _apply(t, unary.sigmoid)
    return _unary(t, result, SigmoidBackward0(), result)


# --- relu / abs / sign -------------------------------------------------------------------------


def where_mask(grad: Grad, mask: np.ndarray) -> Grad:
    """`grad` where `mask`, else 0 (an inf gradient is zeroed too, as PyTorch's where does)."""
    if _is_array(grad):
        return np.where(mask, grad, 0).astype(grad.dtype, copy=False)
    return grad * _constant(grad, mask.astype(grad._data.dtype))


class ReluBackward0(UnaryNode):
    """result = max(self, 0);  ∂result/∂self = 1 where result > 0, else 0 (relu'(0) is 0)."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self",
            "1 if result > 0 else 0",
            r"\mathbb{1}[\mathrm{result} > 0]",
            "threshold_backward(grad, result, 0)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (result,) = saved
        return (where_mask(grad, np.asarray(getattr(result, "_data", result)) > 0),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return (saved > 0).astype(saved.dtype)


def relu(t: Tensor) -> Tensor:
    expect_tensor("relu", t)
    if t._dtype is dtypes.bool_:
        raise RuntimeError("Boolean inputs not supported for relu")
    result = t._make(np.maximum(t._data, t._data.dtype.type(0)), t._dtype)
    return _unary(t, result, ReluBackward0(), result)


class AbsBackward0(UnaryNode):
    """result = |self|;  ∂result/∂self = sign(self) (abs'(0) is 0, as in PyTorch)."""

    __slots__ = ()
    saved_names = ("self",)
    derivatives = (
        Derivative("self", "sign(self)", r"\operatorname{sgn} \mathrm{self}", "grad * self.sgn()"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        return (grad * (np.sign(x) if _is_array(x) else sign(x)),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(np.sign(saved))


def abs(t: Tensor) -> Tensor:
    expect_tensor("abs", t)
    if t._dtype is dtypes.bool_:
        raise NotImplementedError("\"abs_cpu\" not implemented for 'Bool'")
    result = t._make(np.abs(t._data), t._dtype)
    return _unary(t, result, AbsBackward0(), t)


class SignBackward0(UnaryNode):
    """result = sign(self);  ∂result/∂self = 0 everywhere it exists."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad * 0,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.zeros(()),)


def sign(t: Tensor) -> Tensor:
    expect_tensor("sign", t)
    result = t._make(np.sign(t._data), t._dtype)
    if needs_grad(t):
        record(SignBackward0(), result, (t,))
    return result


# --- reciprocal --------------------------------------------------------------------------------


class ReciprocalBackward0(UnaryNode):
    """result = 1 / self;  ∂result/∂self = -1 / self² = -result²."""

    __slots__ = ()
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "self",
            "-result²",
            r"-\frac{1}{\mathrm{self}^2}",
            "-grad * (result * result).conj()",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (result,) = saved
        return (-grad * (result * result),)

    def local(self, saved: np.ndarray) -> np.ndarray:
        return np.asarray(-(saved * saved))


def reciprocal(t: Tensor) -> Tensor:
    expect_tensor("reciprocal", t)
    result = _apply(t, np.reciprocal)
    return _unary(t, result, ReciprocalBackward0(), result)


__all__ = [
    "abs",
    "cos",
    "exp",
    "expm1",
    "log",
    "log1p",
    "reciprocal",
    "relu",
    "rsqrt",
    "sigmoid",
    "sign",
    "sin",
    "sqrt",
    "tanh",
]
