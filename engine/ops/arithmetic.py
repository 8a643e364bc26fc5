"""Arithmetic: `+ - * /` and negation, with broadcasting, Python numbers and reflected forms.

Each op computes its forward result and, when the graph is recorded, attaches its backward
node; the node's `backward` is the op's local chain rule. A Python number operand gets the edge
`(None, 0)`, as PyTorch's wrapped numbers do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node, input_edge
from engine.autograd.grad_mode import _grad_enabled
from engine.autograd.record import needs_grad, record
from engine.cpu.fma import fma32, fma64
from engine.dtypes import SCALAR_TYPES, Number, get_default_dtype
from engine.ops import pointwise
from engine.ops.broadcast import broadcast_error, sum_to
from engine.ops.operand import binary_dtype, check_operand, operand_data

if TYPE_CHECKING:
    from engine.tensor import Tensor


def _shape(value: Tensor | Number) -> tuple[int, ...]:
    return () if isinstance(value, SCALAR_TYPES) else value._data.shape


def add_scaled(x: Any, y: Any, alpha: Number) -> Any:
    """x + alpha·y as ATen's add kernel computes it: for floats one fused multiply-add
    (fma(y, alpha, x), alpha cast to the operands' dtype), which rounds once — `x + y * alpha`
    rounds twice and differs in the last bit for about one value in five."""
    dt = np.result_type(x, y)
    if dt == np.float32:
        return fma32(y, np.float32(alpha), x)
    if dt == np.float64:
        return fma64(y, np.float64(alpha), x)
    return x + y * alpha


def alpha_ufunc(alpha: Number) -> Any:
    """The elementwise kernel of add (alpha) or sub (−alpha) with a scale."""

    def ufunc(x: Any, y: Any) -> Any:
        return add_scaled(x, y, alpha)

    return ufunc


def _forward(a: Tensor, b: Tensor | Number, op: str, ufunc: Any) -> Tensor:
    """The result tensor of an elementwise binary op (no graph yet).

    Two tensors of the same dtype take the short path: numpy keeps their dtype, so no
    promotion is needed — this is the path a scalar chain of multiply-adds lives on.
    """
    if type(b) is type(a) and a._dtype is b._dtype:
        try:
            data = ufunc(a._data, b._data)
        except ValueError:
            raise broadcast_error(tuple(a._data.shape), _shape(b)) from None
        return a._make(data, a._dtype)
    return elementwise_binary(a, b, op, ufunc)[0]


def _requires(a: Tensor, b: Tensor | Number) -> bool:
    return (a._requires_grad or getattr(b, "_requires_grad", False)) and _grad_enabled.get()


def _edges(a: Tensor, b: Tensor | Number) -> tuple[tuple[Node | None, int], ...]:
    return (input_edge(a), (None, 0) if isinstance(b, SCALAR_TYPES) else input_edge(b))


def elementwise_binary(
    a: Tensor, b: Tensor | Number, op: str, ufunc: Any, *, float_result: bool = False
) -> tuple[Tensor, Any, Any]:
    """Forward of an elementwise binary op: (result tensor, a's operand, b's operand)."""
    check_operand(b, op, a)
    dt = binary_dtype(a, b)
    if float_result and not dt.is_floating_point:
        dt = get_default_dtype()
    x = operand_data(a, dt)
    y = operand_data(b, dt)
    try:
        data = ufunc(x, y)
    except ValueError:
        raise broadcast_error(tuple(a._data.shape), _shape(b)) from None
    if data.dtype != dt.np:
        data = data.astype(dt.np)
    return a._make(data, dt), x, y


# --- add / sub ---------------------------------------------------------------------------------


class AddBackward0(Node):
    """result = self + alpha * other;  ∂result/∂self = 1, ∂result/∂other = alpha."""

    __slots__ = ("alpha", "other_shape", "self_shape")
    alpha: Number
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    derivatives = (
        Derivative("self", "1", "1", "grad"),
        Derivative("other", "alpha", r"\alpha", "grad * alpha"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        g_other = grad if self.alpha == 1 else grad * self.alpha
        return sum_to(grad, self.self_shape), sum_to(g_other, self.other_shape)

    def saved_values(self) -> dict[str, Any]:
        return {"alpha": self.alpha}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()), np.full((), self.alpha))


class SubBackward0(Node):
    """result = self - alpha * other;  ∂result/∂self = 1, ∂result/∂other = -alpha."""

    __slots__ = ("alpha", "other_shape", "self_shape")
    alpha: Number
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    derivatives = (
        Derivative("self", "1", "1", "grad"),
        Derivative("other", "-alpha", r"-\alpha", "-grad * alpha"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        g_other = -grad if self.alpha == 1 else grad * -self.alpha
        return sum_to(grad, self.self_shape), sum_to(g_other, self.other_shape)

    def saved_values(self) -> dict[str, Any]:
        return {"alpha": self.alpha}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.ones(()), np.full((), -self.alpha))


class RsubBackward1(Node):
    """result = other - alpha * self (a Python number minus a tensor);  ∂result/∂self = -alpha."""

    __slots__ = ("alpha",)
    alpha: Number
    derivatives = (Derivative("self", "-alpha", r"-\alpha", "-grad * alpha"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (-grad if self.alpha == 1 else grad * -self.alpha,)

    def saved_values(self) -> dict[str, Any]:
        return {"alpha": self.alpha}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.full((), -self.alpha),)


def add(a: Tensor, b: Tensor | Number, alpha: Number = 1) -> Tensor:
    if alpha == 1:
        result = _forward(a, b, "+", np.add)
    else:
        result = elementwise_binary(a, b, "+", alpha_ufunc(alpha))[0]
    if _requires(a, b):
        node = AddBackward0()
        node.alpha = alpha
        node.self_shape = a._data.shape
        node.other_shape = _shape(b)
        node.next_functions = _edges(a, b)
        result._set_history(node)
    return result


def sub(a: Tensor, b: Tensor | Number, alpha: Number = 1) -> Tensor:
    check_operand(b, "-", a)
    if a._dtype.name == "bool" and not isinstance(b, SCALAR_TYPES) and b._dtype.name == "bool":
        raise RuntimeError(
            "Subtraction, the `-` operator, with two bool tensors is not supported. Use the "
            "`^` or `logical_xor()` operator instead."
        )
    kernel = np.subtract if alpha == 1 else alpha_ufunc(-alpha)
    result, _, _ = elementwise_binary(a, b, "-", kernel)
    if needs_grad(a, b):
        node = SubBackward0()
        node.alpha = alpha
        node.self_shape = tuple(a._data.shape)
        node.other_shape = _shape(b)
        record(node, result, (a, b))
    return result


def rsub(a: Tensor, other: Number, alpha: Number = 1) -> Tensor:
    """`other - a` for a Python number `other` (PyTorch's rsub.Scalar)."""
    check_operand(other, "-", a)
    dt = binary_dtype(a, other)
    x = operand_data(a, dt)
    data = np.asarray(np.subtract(other, x * alpha if alpha != 1 else x), dtype=dt.np)
    result = a._make(data, dt)
    if needs_grad(a):
        node = RsubBackward1()
        node.alpha = alpha
        record(node, result, (a,))
    return result


# --- mul / div ---------------------------------------------------------------------------------


class MulBackward0(Node):
    """result = self * other;  ∂result/∂self = other, ∂result/∂other = self."""

    __slots__ = ("other_scalar", "other_shape", "self_shape")
    other_scalar: Number | None
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    saved_names = ("self", "other")
    derivatives = (
        Derivative("self", "other", r"\mathrm{other}", "grad * other"),
        Derivative("other", "self", r"\mathrm{self}", "grad * self"),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, y = saved if saved else (None, None)
        if self.other_scalar is not None:
            y = self.other_scalar
        g_self = None if y is None else sum_to(grad * y, self.self_shape)
        g_other = None if x is None else sum_to(grad * x, self.other_shape)
        return g_self, g_other

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        if self.other_scalar is not None and not self._released:
            values["other"] = self.other_scalar
        return values

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released:
            return (None, None)
        x, y = self._saved if self._saved else (None, None)
        other = self.other_scalar if self.other_scalar is not None else y
        return (
            None if other is None else np.asarray(getattr(other, "_data", other)),
            None if x is None else x._data,
        )


def mul(a: Tensor, b: Tensor | Number) -> Tensor:
    result = _forward(a, b, "*", np.multiply)
    if _requires(a, b):
        node = MulBackward0()
        node.self_shape = a._data.shape
        node.other_shape = _shape(b)
        if isinstance(b, SCALAR_TYPES):
            node.other_scalar = b
            node.save(None, None)
        else:
            node.other_scalar = None
            # each input's gradient needs the other input: save only what will be needed
            node.save(a if b._requires_grad else None, b if a._requires_grad else None)
        node.next_functions = _edges(a, b)
        result._set_history(node)
    return result


class MulBackward1(Node):
    """result = self * other, other a number (mul.Scalar);  ∂result/∂self = other."""

    __slots__ = ("other",)
    other: float
    derivatives = (Derivative("self", "other", r"\mathrm{other}", "grad * other"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad * self.other,)

    def saved_values(self) -> dict[str, Any]:
        return {"other": self.other}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.asarray(self.other),)


def mul_scalar(t: Tensor, other: float) -> Tensor:
    data = t._data * np.asarray(other, dtype=t._data.dtype)
    result = t._make(np.asarray(data, dtype=t._data.dtype), t._dtype)
    if needs_grad(t):
        node = MulBackward1()
        node.other = other
        record(node, result, (t,))
    return result


class DivBackward0(Node):
    """result = self / other;  ∂result/∂self = 1 / other, ∂result/∂other = -self / other²."""

    __slots__ = ("other_scalar", "other_shape", "self_shape", "wants_self")
    other_scalar: Number | None
    other_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    wants_self: bool
    saved_names = ("self", "other")
    derivatives = (
        Derivative("self", "1 / other", r"\frac{1}{\mathrm{other}}", "grad / other"),
        Derivative(
            "other",
            "-self / other²",
            r"-\frac{\mathrm{self}}{\mathrm{other}^2}",
            "-grad * ((self / other) / other)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, y = saved if saved else (None, None)
        if self.other_scalar is not None:
            return sum_to(grad / self.other_scalar, self.self_shape), None
        g_self = sum_to(grad / y, self.self_shape) if self.wants_self else None
        # div_tensor_other_backward divides twice rather than by other², as PyTorch rounds it
        g_other = None if x is None else sum_to(-grad * ((x / y) / y), self.other_shape)
        return g_self, g_other

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released:
            return (None, None)
        if self.other_scalar is not None:
            return (np.asarray(1.0 / self.other_scalar), None)
        x, y = self._saved
        yd = y._data if y is not None else None
        return (
            None if yd is None else 1.0 / yd,
            None if x is None or yd is None else -x._data / (yd * yd),
        )


def div(a: Tensor, b: Tensor | Number) -> Tensor:
    result, _, _ = elementwise_binary(a, b, "/", np.true_divide, float_result=True)
    if needs_grad(a, b):
        node = DivBackward0()
        node.self_shape = tuple(a._data.shape)
        node.other_shape = _shape(b)
        if isinstance(b, SCALAR_TYPES):
            node.other_scalar = b
            node.wants_self = True
            node.save(None, None)
        else:
            node.other_scalar = None
            node.wants_self = a._requires_grad
            node.save(a if b._requires_grad else None, b)
        record(node, result, (a, b))
    return result


class DivBackward1(Node):
    """result = self / other, other a number (div.Scalar);  ∂result/∂self = 1 / other."""

    __slots__ = ("other",)
    other: float
    derivatives = (Derivative("self", "1 / other", r"\frac{1}{\mathrm{other}}", "grad / other"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (grad / self.other,)

    def saved_values(self) -> dict[str, Any]:
        return {"other": self.other}

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.asarray(1.0 / self.other),)


def div_scalar(t: Tensor, other: int) -> Tensor:
    result = t._make(np.asarray(t._data / np.asarray(other, dtype=t._data.dtype)), t._dtype)
    if needs_grad(t):
        node = DivBackward1()
        node.other = other
        record(node, result, (t,))
    return result


def rdiv(a: Tensor, other: Number) -> Tensor:
    """`other / a`: PyTorch computes `reciprocal(a) * other`, so the graph shows both nodes."""
    return mul(pointwise.reciprocal(a), other)


# --- neg ------------------------------------------------------------------------------------


class NegBackward0(Node):
    """result = -self;  ∂result/∂self = -1."""

    __slots__ = ()
    derivatives = (Derivative("self", "-1", "-1", "grad.neg()"),)

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return (-grad,)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (np.full((), -1.0),)


def neg(a: Tensor) -> Tensor:
    if a._dtype.name == "bool":
        raise RuntimeError(
            "Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
            "to invert a mask, use the `~` or `logical_not()` operator instead."
        )
    result = a._make(np.negative(a._data), a._dtype)
    if needs_grad(a):
        record(NegBackward0(), result, (a,))
    return result
