"""Bernoulli sampling as PyTorch's CPU kernels do it: `torch.bernoulli` and `Tensor.bernoulli_`.

- one probability for all elements (`x.bernoulli_(0.3)`): a double uniform per element (53 bits
  of `random64()`), 1 where it is below p.
- a probability per element (`torch.bernoulli(probs)`): a uniform of the probabilities'
  precision per element (53 bits of `random64()` for float64, else 24 bits of `random()`), 1
  where it is below that element's probability.

Dropout in PyTorch is `input * (empty_like(input).bernoulli_(1 - p) / (1 - p))`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.ops.inplace import _old_value, check_inplace
from engine.sampling.distribution import (
    memory_axes,
    not_implemented,
    unit_float32,
    unit_float64,
)
from engine.sampling.mt19937 import RandomStream, resolve

if TYPE_CHECKING:
    from engine.tensor import Tensor

_P_RANGE_ERROR = (
    "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be "
    "improved?  If so, please report an enhancement request to PyTorch.)"
)


def bernoulli_scalar(generator: RandomStream | None, n: int, p: float) -> np.ndarray:
    """`n` draws of Bernoulli(p) as booleans."""
    if not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p:g}")
    gen = resolve(generator)
    u, state = unit_float64(gen.get_current(), n)
    gen.set_current(state)
    drawn: np.ndarray = u < p
    return drawn


def bernoulli_per_element(generator: RandomStream | None, probs: np.ndarray) -> np.ndarray:
    """One draw per probability (in the order given): double uniforms for float64
    probabilities, float uniforms for float32/float16 ones."""
    if probs.dtype.kind != "f":
        raise not_implemented("bernoulli_tensor_cpu_p_", dtypes.from_numpy_dtype(probs.dtype))
    flat = np.ascontiguousarray(probs).reshape(-1)
    if flat.size and not bool(((flat >= 0) & (flat <= 1)).all()):
        raise RuntimeError(_P_RANGE_ERROR)
    gen = resolve(generator)
    state = gen.get_current()
    if probs.dtype == np.float64:
        u, state = unit_float64(state, flat.size)
        drawn = u < flat
    else:
        u, state = unit_float32(state, flat.size)
        drawn = u < flat.astype(np.float32)
    gen.set_current(state)
    result: np.ndarray = drawn.reshape(probs.shape)
    return result


class _ZeroGradient(Node):
    """A sample is not differentiable in its probabilities: every edge gets zero."""

    __slots__ = ()

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        return tuple(grad * 0 for _ in self.next_functions)

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return tuple(np.zeros(()) for _ in self.next_functions)


class BernoulliBackward0(_ZeroGradient):
    """torch.bernoulli(p);  ∂result/∂p = 0."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)


class BernoulliBackward1(_ZeroGradient):
    """self.bernoulli_(p: Tensor);  ∂result/∂self = 0, ∂result/∂p = 0."""

    __slots__ = ()
    derivatives = (
        Derivative("self", "0", "0", "zeros_like(grad)"),
        Derivative("p", "0", "0", "zeros_like(p)"),
    )


class BernoulliBackward2(_ZeroGradient):
    """self.bernoulli_(p: float);  ∂result/∂self = 0."""

    __slots__ = ()
    derivatives = (Derivative("self", "0", "0", "zeros_like(grad)"),)


def _expand(data: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """`p.expand(shape)`, with PyTorch's error for sizes that do not fit."""
    try:
        return np.broadcast_to(data, shape)
    except ValueError:
        pass
    have = (1,) * (len(shape) - data.ndim) + tuple(data.shape)
    dim = next(i for i in range(len(shape) - 1, -1, -1) if have[i] not in (1, shape[i]))
    raise RuntimeError(
        f"The expanded size of the tensor ({shape[dim]}) must match the existing size "
        f"({have[dim]}) at non-singleton dimension {dim}.  Target sizes: {list(shape)}.  "
        f"Tensor sizes: {list(data.shape)}"
    )


def bernoulli(
    input: Tensor, p: float | None = None, *, generator: RandomStream | None = None
) -> Tensor:
    """`torch.bernoulli(probs)`: 0/1 samples in probs' dtype; with a number `p`, samples of
    Bernoulli(p) shaped like `input` (and without history)."""
    if p is not None:
        drawn = bernoulli_scalar(generator, input._data.size, float(p))
        data = drawn.reshape(input._data.shape).astype(input._dtype.np)
        return input._make(data, input._dtype)
    axes = memory_axes(input._data)
    drawn = bernoulli_per_element(generator, input._data.transpose(axes))
    drawn = drawn.transpose(np.argsort(axes))
    result = input._make(drawn.astype(input._dtype.np), input._dtype)
    if needs_grad(input):
        record(BernoulliBackward0(), result, (input,))
    return result


def bernoulli_(
    t: Tensor, p: float | Tensor = 0.5, *, generator: RandomStream | None = None
) -> Tensor:
    """Overwrite `t` with samples of Bernoulli(p) (one p, or a tensor of them broadcast to t)."""
    check_inplace(t)
    axes = memory_axes(t._data)
    target = t._data.transpose(axes)
    if isinstance(p, int | float):
        drawn = bernoulli_scalar(generator, t._data.size, float(p)).reshape(target.shape)
        node: Node = BernoulliBackward2()
        inputs: tuple[Tensor, ...] = ()
    else:
        probs = _expand(p._data, t._data.shape).transpose(axes)
        drawn = bernoulli_per_element(generator, probs)
        node, inputs = BernoulliBackward1(), (p,)
    grad = needs_grad(t, *inputs)
    old = _old_value(t) if grad else None
    target[...] = drawn
    t._bump_version()
    if old is not None:
        result = t._make(t._data, t._dtype)
        record(node, result, (old, *inputs))
        t._grad_fn = result._grad_fn
        t._output_nr = 0
    return t
