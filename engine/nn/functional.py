"""`torch.nn.functional`: linear layers, activations and losses as functions.

Each function checks and converts its arguments as PyTorch's does and calls the op in `engine/ops/`
that records the backward node PyTorch records.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from engine import dtypes
from engine.autograd.record import needs_grad
from engine.nn.reduction import resolve
from engine.ops import activation, inplace, loss, pointwise
from engine.ops.affine import linear
from engine.ops.loss import cross_entropy, nll_loss

if TYPE_CHECKING:
    from engine.tensor import Tensor

__all__ = [
    "cross_entropy",
    "linear",
    "log_softmax",
    "mse_loss",
    "nll_loss",
    "relu",
    "sigmoid",
    "softmax",
    "tanh",
]


def relu(input: Tensor, inplace: bool = False) -> Tensor:
    """max(input, 0) elementwise (ReluBackward0)."""
    if inplace:
        return _relu_(input)
    return pointwise.relu(input)


def _relu_(t: Tensor) -> Tensor:
    """relu in place: the tensor's history becomes ReluBackward0 (torch.relu_)."""
    inplace.check_inplace(t)
    source = inplace._old_value(t) if needs_grad(t) else t.detach()
    return inplace._write(t, pointwise.relu(source))


def sigmoid(input: Tensor) -> Tensor:
    """1 / (1 + e^(-input)) elementwise (SigmoidBackward0)."""
    return pointwise.sigmoid(input)


def tanh(input: Tensor) -> Tensor:
    """tanh(input) elementwise (TanhBackward0)."""
    return pointwise.tanh(input)


def _implicit_dim(name: str, ndim: int) -> int:
    warnings.warn(
        f"Implicit dimension choice for {name} has been deprecated. Change the call to include "
        "dim=X as an argument.",
        UserWarning,
        stacklevel=3,
    )
    return 0 if ndim in (0, 1, 3) else 1


def softmax(
    input: Tensor,
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: dtypes.dtype | None = None,
) -> Tensor:
    """e^x / Σ e^x along `dim` (SoftmaxBackward0)."""
    if dim is None:
        dim = _implicit_dim("softmax", input.dim())
    return activation.softmax(input, dim, dtype)


def log_softmax(
    input: Tensor,
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: dtypes.dtype | None = None,
) -> Tensor:
    """x − log Σ e^x along `dim` (LogSoftmaxBackward0)."""
    if dim is None:
        dim = _implicit_dim("log_softmax", input.dim())
    return activation.log_softmax(input, dim, dtype)


def mse_loss(
    input: Tensor,
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """mean((input − target)²), or their sum, or each (MseLossBackward0)."""
    return loss.mse_loss(input, target, reduction=resolve(size_average, reduce, reduction))
