"""Losses: mse_loss (MseLossBackward0), nll_loss (NllLossBackward0) and cross_entropy on top.

`reduction` is `'mean'`, `'sum'` or `'none'`; PyTorch saves it on the node as an integer
(none = 0, mean = 1, sum = 2).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from engine import dtypes
from engine.autograd.function import Derivative, Grad, Node
from engine.autograd.record import needs_grad, record
from engine.dtypes import scalar_type_name
from engine.ops import activation, arithmetic, comparison, view
from engine.ops import reduction as reductions
from engine.ops.broadcast import broadcast_shape
from engine.ops.cascade_sum import torch_sum
from engine.ops.operand import expect_tensor

if TYPE_CHECKING:
    from engine.tensor import Tensor

REDUCTIONS = {"none": 0, "mean": 1, "sum": 2}


def reduction_code(reduction: str) -> int:
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return REDUCTIONS[reduction]


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray | np.generic)


def _constant(like: Any, data: np.ndarray) -> Any:
    if _is_array(like):
        return data
    return like._make(data, dtypes.from_numpy_dtype(data.dtype))


# --- mse_loss ----------------------------------------------------------------------------------


class MseLossBackward0(Node):
    """result = reduce((self − target)²);  ∂/∂self = 2(self − target) [/ N], ∂/∂target = −that."""

    __slots__ = ("reduction",)
    reduction: int
    saved_names = ("self", "target")
    derivatives = (
        Derivative(
            "self",
            "2 * (self - target) / N",
            r"\frac{2(\mathrm{self} - \mathrm{target})}{N}",
            "mse_loss_backward(grad, self, target, reduction)",
        ),
        Derivative(
            "target",
            "-2 * (self - target) / N",
            r"-\frac{2(\mathrm{self} - \mathrm{target})}{N}",
            "mse_loss_backward(grad, target, self, reduction)",
        ),
    )

    def _norm(self, numel: int) -> float:
        return 2.0 / numel if self.reduction == 1 else 2.0

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        x, t = saved
        numel = int(np.size(getattr(x, "_data", x)))
        norm = self._norm(numel)
        if _is_array(x):
            # PyTorch casts the norm to the tensor's dtype before multiplying
            norm_arr = np.asarray(norm, dtype=x.dtype)
            g = grad.reshape(()) if self.reduction else grad
            return norm_arr * (x - t) * g, norm_arr * (t - x) * g
        return norm * (x - t) * grad, norm * (t - x) * grad

    def saved_values(self) -> dict[str, Any]:
        values = super().saved_values()
        values["reduction"] = self.reduction
        return values

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        # elementwise only without a reduction; a reduced loss shows its formula instead
        if self._released or not self._saved or self.reduction != 0:
            return (None, None)
        x, t = self._saved
        assert x is not None and t is not None
        d = self._norm(x._data.size) * (x._data - t._data)
        return np.asarray(d), np.asarray(-d)


def mse_loss(
    input: Tensor,
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    expect_tensor("mse_loss", input)
    expect_tensor("mse_loss", target, position=2, arg="target")
    if input._data.shape != target._data.shape:
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.",
            UserWarning,
            stacklevel=2,
        )
    code = reduction_code(reduction)
    size = broadcast_shape(tuple(input._data.shape), tuple(target._data.shape))
    x = input if input._data.shape == size else view.expand(input, size)
    t = target if target._data.shape == size else view.expand(target, size)
    dt = dtypes.promote_types(x._dtype, t._dtype)
    if not dt.is_floating_point:
        raise NotImplementedError(f"\"mse_cpu\" not implemented for '{scalar_type_name(dt)}'")
    xd, td = x._data.astype(dt.np, copy=False), t._data.astype(dt.np, copy=False)
    with np.errstate(all="ignore"):
        sq = (xd - td) ** 2
        out = sq if code == 0 else torch_sum(sq, tuple(range(sq.ndim)), False)
        if code == 1:
            out = out / np.asarray(sq.size, dtype=dt.np) if sq.size else out * np.nan
    result = x._make(np.asarray(out, dtype=dt.np), dt)
    if needs_grad(x, t):
        node = MseLossBackward0()
        node.reduction = code
        node.save(x, t)
        record(node, result, (x, t))
    return result


# --- nll_loss ----------------------------------------------------------------------------------


class NllLossBackward0(Node):
    """result = −Σ w[t_i]·self[i, t_i] (/ Σ w for mean);  ∂/∂self[i, t_i] = −w[t_i] (/ Σ w)."""

    __slots__ = (
        "ignore_index",
        "reduction",
        "self_sizes",
        "target",
        "target_tensor",
        "total_weight",
        "weight",
        "weight_tensor",
    )
    target_tensor: Tensor
    weight_tensor: Tensor | None
    ignore_index: int
    reduction: int
    target: np.ndarray
    total_weight: float
    weight: np.ndarray | None
    derivatives = (
        Derivative(
            "self",
            "-weight[target] / total_weight at the target class, else 0",
            r"-\frac{w_{t}}{W}\,\mathbb{1}[j = t]",
            "nll_loss_backward(grad, self, target, weight, reduction, ignore_index, total_weight)",
        ),
    )
    self_sizes: tuple[int, ...]

    def _coefficients(self, dt: np.dtype[Any]) -> np.ndarray:
        """∂result/∂self (per sample, before the incoming gradient), shaped like self."""
        sizes = self.self_sizes
        out = np.zeros(sizes, dtype=dt)
        target = self.target.reshape(-1)
        weights = _sample_weights(self.target, self.weight, self.ignore_index, dt).reshape(-1)
        coeff = 0 - weights  # an ignored sample gets +0, as PyTorch leaves it untouched
        if self.reduction == 1:
            with np.errstate(all="ignore"):
                coeff = coeff / np.asarray(self.total_weight, dtype=dt)
        rows = np.arange(target.size)
        cols = np.where(target == self.ignore_index, 0, target)
        flat = out.reshape(-1, sizes[-1])
        flat[rows, cols] = coeff
        return out

    def backward(self, grad: Grad, saved: tuple[Any, ...]) -> tuple[Grad | None, ...]:
        dt = np.asarray(getattr(grad, "_data", grad)).dtype
        coeff = self._coefficients(dt)
        if self.reduction == 0 and len(self.self_sizes) == 2:
            g = grad.reshape((-1, 1)) if _is_array(grad) else grad.reshape(-1, 1)
        else:
            g = grad
        return (g * _constant(grad, coeff),)

    def saved_values(self) -> dict[str, Any]:
        return {
            "ignore_index": self.ignore_index,
            "reduction": self.reduction,
            "target": self.target_tensor,
            "total_weight": self.total_weight,
            "weight": self.weight_tensor,
        }

    def local_values(self) -> tuple[np.ndarray | None, ...]:
        return (None,)


def _sample_weights(
    target: np.ndarray, weight: np.ndarray | None, ignore_index: int, dt: np.dtype[Any]
) -> np.ndarray:
    """The weight of each sample's target class (0 for ignored samples)."""
    ignored = target == ignore_index
    safe = np.where(ignored, 0, target)
    w = np.ones(target.shape, dtype=dt) if weight is None else weight.astype(dt)[safe]
    return np.where(ignored, np.zeros((), dtype=dt), w)


def _nll_total(
    picked: np.ndarray, target: np.ndarray, weight: np.ndarray | None, ignore_index: int, ndim: int
) -> tuple[np.ndarray, np.ndarray]:
    """−Σ w·x over the batch and Σ w, added in the order of ATen's nll_loss kernel (a cascade)."""
    one = picked.dtype.type(1)
    if ndim == 1:  # a single sample
        if int(target[0]) == ignore_index:
            return np.zeros((), picked.dtype), np.zeros((), picked.dtype)
        w = one if weight is None else picked.dtype.type(weight[int(target[0])])
        return np.asarray(-picked[0] * w), np.asarray(w)
    levels = 8
    batch = target.shape[0]
    level_power = max(4, _ceil_log2(batch) // levels)
    level_mask = (1 << level_power) - 1
    zero = picked.dtype.type(0)
    loss_sums = [zero] * levels
    weight_sums = [zero] * levels
    ignored = 0
    for b in range(batch):
        t = int(target[b])
        if t == ignore_index:
            ignored += 1
            continue
        if weight is None:
            loss_sums[0] = loss_sums[0] - picked[b]
        else:
            w = picked.dtype.type(weight[t])
            loss_sums[0] = loss_sums[0] - picked[b] * w
            weight_sums[0] = weight_sums[0] + w
        for j in range(levels - 1):
            if b & (level_mask << (j * level_power)):
                break
            weight_sums[j + 1] = weight_sums[j + 1] + weight_sums[j]
            loss_sums[j + 1] = loss_sums[j + 1] + loss_sums[j]
            weight_sums[j] = zero
            loss_sums[j] = zero
    total = zero
    for part in loss_sums:
        total = total + part
    if weight is None:
        return np.asarray(total), np.asarray(picked.dtype.type(batch - ignored))
    total_weight = zero
    for part in weight_sums:
        total_weight = total_weight + part
    return np.asarray(total), np.asarray(total_weight)


def _ceil_log2(x: int) -> int:
    return 1 if x <= 2 else (x - 1).bit_length()


def _check_target(input: Tensor, target: Tensor) -> None:
    if input._data.ndim < 1:
        raise ValueError(f"Expected 1 or more dimensions (got {input._data.ndim})")
    if target._data.ndim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if target._dtype not in (dtypes.int64, dtypes.uint8):
        raise RuntimeError(
            f"expected target dtype to be Long or Byte, but got {scalar_type_name(target._dtype)}"
        )
    if input._data.ndim > 2:
        raise NotImplementedError("nll_loss for inputs with more than 2 dimensions")
    batch = input._data.shape[0] if input._data.ndim == 2 else 1
    target_batch = target._data.shape[0] if target._data.ndim == 1 else 1
    if input._data.ndim == 2 and batch != target_batch:
        raise ValueError(
            f"Expected input batch_size ({batch}) to match target batch_size ({target_batch})."
        )


def nll_loss(
    input: Tensor,
    target: Tensor,
    weight: Tensor | None = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    expect_tensor("nll_loss", input)
    expect_tensor("nll_loss", target, position=2, arg="target")
    code = reduction_code(reduction)
    _check_target(input, target)
    x = input._data
    classes = x.shape[-1]
    tgt = target._data.astype(np.int64)
    bad = (tgt != ignore_index) & ((tgt < 0) | (tgt >= classes))
    if bad.any():
        raise IndexError(f"Target {int(tgt[bad].reshape(-1)[0])} is out of bounds.")
    w = None if weight is None else weight._data
    sample_w = _sample_weights(tgt, w, ignore_index, x.dtype)
    rows = x.reshape(-1, classes)
    picked = rows[np.arange(rows.shape[0]), np.where(tgt == ignore_index, 0, tgt).reshape(-1)]
    with np.errstate(all="ignore"):
        if code == 0:
            losses = -(picked * sample_w.reshape(-1))
            out = losses.reshape(tgt.shape) if x.ndim == 2 else losses.reshape(())
            total_weight = np.zeros((), dtype=x.dtype)
        else:
            total, total_weight = _nll_total(picked, tgt.reshape(-1), w, ignore_index, x.ndim)
            out = total / total_weight if code == 1 else total
    result = input._make(np.asarray(out, dtype=x.dtype), input._dtype)
    if needs_grad(input):
        node = NllLossBackward0()
        node.ignore_index = ignore_index
        node.reduction = code
        node.target = tgt.copy()
        node.total_weight = float(total_weight) if code else 0.0
        node.weight = None if w is None else w.copy()
        node.target_tensor = target
        node.weight_tensor = weight
        node.self_sizes = tuple(x.shape)
        record(node, result, (input,))
    return result


# --- cross_entropy -----------------------------------------------------------------------------


def cross_entropy(
    input: Tensor,
    target: Tensor,
    weight: Tensor | None = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> Tensor:
    """log_softmax over the class dim, then nll_loss (class indices) or −Σ p·log q (probs)."""
    expect_tensor("cross_entropy", input)
    expect_tensor("cross_entropy", target, position=2, arg="target")
    code = reduction_code(reduction)
    if not 0.0 <= label_smoothing <= 1.0:
        raise RuntimeError(
            f"label_smoothing must be between 0.0 and 1.0. Got: {float(label_smoothing)}"
        )
    class_dim = 0 if input._data.ndim == 1 else 1
    if input._data.ndim == 0:
        if not target._dtype.is_floating_point:
            raise RuntimeError(
                "Expected floating point type for target with class probabilities, got "
                f"{scalar_type_name(target._dtype)}"
            )
        raise IndexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    logp = activation.log_softmax(input, class_dim)
    classes = input._data.shape[class_dim]
    if input._data.shape != target._data.shape or not target._dtype.is_floating_point:
        nll = nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)
        if label_smoothing == 0.0:
            return nll
        smooth = _smoothing_term(logp, target, weight, ignore_index, class_dim, code)
        return arithmetic.add(
            arithmetic.mul_scalar(nll, 1 - label_smoothing),
            arithmetic.mul_scalar(smooth, label_smoothing / classes),
        )
    if label_smoothing > 0.0:
        target = arithmetic.add(
            arithmetic.mul(target, 1 - label_smoothing), label_smoothing / classes
        )
    weighted = arithmetic.mul(logp, target)
    if weight is not None:
        weighted = arithmetic.mul(weighted, weight.reshape(-1, *(1,) * (input._data.ndim - 2)))
    per_sample = arithmetic.neg(reduction_sum(weighted, class_dim, code))
    if code == 1:
        return arithmetic.div_scalar(
            per_sample, input._data.shape[0] if input._data.ndim > 1 else 1
        )
    return per_sample


def _smoothing_term(
    logp: Tensor,
    target: Tensor,
    weight: Tensor | None,
    ignore_index: int,
    class_dim: int,
    code: int,
) -> Tensor:
    """−Σ_c w_c·log p_c per sample (0 where ignored), reduced: the uniform part of the target."""
    if weight is not None:
        shape = [1] * logp._data.ndim
        shape[class_dim] = -1
        logp = arithmetic.mul(logp, weight.reshape(*shape))
    per_sample = arithmetic.neg(reductions.sum(logp, class_dim))
    ignored = target._data == ignore_index
    per_sample = comparison.masked_fill_mask(per_sample, ignored)
    if code == 0:
        return per_sample
    total = reductions.sum(per_sample)
    if code == 2:
        return total
    if weight is None:
        kept = int((~ignored).sum())
        return arithmetic.div(total, target._make(np.asarray(kept), dtypes.int64))
    picked = weight._data[target._data[~ignored].reshape(-1)]
    kept_weight = torch_sum(picked, (0,), False) if picked.size else np.zeros((), picked.dtype)
    return arithmetic.div(total, weight._make(np.asarray(kept_weight), weight._dtype))


def reduction_sum(t: Tensor, class_dim: int, code: int) -> Tensor:
    """Σ over the class dim ('none'), or over everything ('sum'/'mean'), as PyTorch's graph does."""
    if code == 0:
        return reductions.sum(t, class_dim)
    return reductions.sum(t)
