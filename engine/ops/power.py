"""Powers: `self ** exponent` with a number exponent (PowBackward0), two tensors (PowBackward1)
and a number base (PowBackward2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.cpu import power as cpu_power
from engine.cpu import unary as cpu_unary
from engine.dtypes import SCALAR_TYPES, Number
from engine.ops.arithmetic import elementwise_binary
from engine.ops.broadcast import sum_to
from engine.ops.operand import binary_dtype, check_operand, operand_data

if TYPE_CHECKING:
    from engine.tensor import Tensor


class PowBackward0(Node):
    """result = self ** exponent (a number);  ∂result/∂self = exponent · self^(exponent-1)."""

    __slots__ = ("exponent",)
    exponent: Number
    saved_names = ("self",)
    derivatives = (
        Derivative(
            "self",
            "exponent * self^(exponent - 1)",
            r"n \cdot \mathrm{self}^{\,n-1}",
            "grad * exponent * self.pow(exponent - 1)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (x,) = saved
        if self.exponent == 0:
            return (grad * 0,)
        if _is_float_array(grad) and _is_float_array(x) and grad.dtype == x.dtype:
            return (cpu_power.pow_scalar_backward(grad, x, self.exponent),)
        return (grad * (self.exponent * x ** (self.exponent - 1)),)

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values["exponent"] = self.exponent
        return values

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        if self._released:
            return (None,)
        x = self._saved[0]
        assert x is not None
        return (np.asarray(self.exponent * x._data ** (self.exponent - 1)),)


class PowBackward1(Node):
    """result = self ** exponent (both tensors).

    ∂result/∂self = exponent·self^(exponent-1);  ∂result/∂exponent = result·ln(self).
    """

    __slots__ = ("exponent_shape", "self_shape")
    exponent_shape: tuple[int, ...]
    self_shape: tuple[int, ...]
    saved_names = ("self", "exponent", "result")
    derivatives = (
        Derivative(
            "self",
            "exponent * self^(exponent - 1)",
            r"\mathrm{exponent} \cdot \mathrm{self}^{\,\mathrm{exponent}-1}",
            "grad * exponent * self.pow(exponent - 1)",
        ),
        Derivative(
            "exponent",
            "result * ln(self)",
            r"\mathrm{result} \cdot \ln \mathrm{self}",
            "grad * result * self.log()",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, e, r = saved
        if isinstance(x, np.ndarray):
            # pow_backward_self: where(e == 0, 0, grad · (e · self^(e − 1))), by pow's kernel
            with np.errstate(all="ignore"):
                local = e * _safe_power(x, np.asarray(e - 1, dtype=e.dtype))
                g_self = sum_to(
                    np.where(e == 0, 0, grad * local).astype(grad.dtype), self.self_shape
                )
                # pow_backward_exponent: self == 0 where exponent >= 0 gives 0, not 0·log 0
                log_x = cpu_unary.log(x)
                local_e = np.where((x == 0) & (e >= 0), 0, r * log_x).astype(x.dtype)
            g_exp = sum_to(grad * local_e, self.exponent_shape)
        else:
            g_self = sum_to(grad * e * x ** (e - 1), self.self_shape)
            g_exp = sum_to(grad * r * x.log(), self.exponent_shape)
        return g_self, g_exp


class PowBackward2(Node):
    """result = self ** exponent (self a number);  ∂result/∂exponent = result · ln(self)."""

    __slots__ = ("base",)
    base: Number
    saved_names = ("result",)
    derivatives = (
        Derivative(
            "exponent",
            "result * ln(self)",
            r"\mathrm{result} \cdot \ln \mathrm{self}",
            "grad * result * log(self)",
        ),
    )

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        (r,) = saved
        return (grad * r * float(np.log(self.base)),)

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values["self"] = self.base
        return values


def pow(a: Tensor | Number, exponent: Tensor | Number) -> Tensor:
    if isinstance(a, SCALAR_TYPES):
        # torch.pow(2, x): a number raised to a tensor
        if isinstance(exponent, SCALAR_TYPES):
            raise TypeError("pow() received an invalid combination of arguments")
        return rpow(exponent, a)
    check_operand(exponent, "** or pow()", a)
    if isinstance(exponent, SCALAR_TYPES):
        dt = binary_dtype(a, exponent)
        x = operand_data(a, dt)
        if not dt.is_floating_point and exponent < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        if _is_float_array(x) and not isinstance(exponent, bool):
            data = cpu_power.pow_scalar(x, exponent)
        else:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                data = np.asarray(np.power(x, exponent), dtype=dt.np)
        result = a._make(data, dt)
        if needs_grad(a):
            node = PowBackward0()
            node.exponent = exponent
            node.save(a)
            record(node, result, (a,))
        return result
    result, _, _ = elementwise_binary(a, exponent, "**", _safe_power)
    if needs_grad(a, exponent):
        node1 = PowBackward1()
        node1.self_shape = tuple(a._data.shape)
        node1.exponent_shape = tuple(exponent._data.shape)
        node1.save(a, exponent, result)
        record(node1, result, (a, exponent))
    return result


def rpow(a: Tensor, base: Number) -> Tensor:
    """`base ** a` for a Python number `base` (PyTorch's pow.Scalar → PowBackward2)."""
    check_operand(base, "** or pow()", a)
    dt = binary_dtype(a, base)
    x = operand_data(a, dt)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        data = np.asarray(np.power(base, x), dtype=dt.np)
    result = a._make(data, dt)
    if needs_grad(a):
        node = PowBackward2()
        node.base = base
        node.save(result)
        record(node, result, (a,))
    return result


def _safe_power(x: Any, y: Any) -> Any:
    exact = cpu_power.pow_tensor(x, y) if _is_float_array(x) and _is_float_array(y) else None
    if exact is not None:
        return exact
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return np.power(x, y)


def _is_float_array(value: Any) -> bool:
    """A float32/float64 numpy array (the dtypes engine.cpu reproduces; not a Tensor)."""
    return isinstance(value, np.ndarray) and value.dtype.char in "fd"
