"""`torch.multinomial`: drawing category indices from (unnormalised) probabilities, as PyTorch's
CPU kernels do it.

- one sample, or any number without replacement: the exponential race. q ~ Exp(1) for every
  entry (`exponential_`, one double uniform each, in memory order), then the winners of p / q:
  `argmax` for one sample, the top `num_samples` otherwise.
- several samples with replacement: per row, the cumulative sums of p in p's dtype, divided by
  the total, the last set to 1; each sample is the first slot whose cumulative value is not
  below a double uniform.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from engine import dtypes
from engine.dtypes import scalar_type_name
from engine.sampling.distribution import exponential, memory_axes, unit_float64
from engine.sampling.mt19937 import RandomStream, resolve

if TYPE_CHECKING:
    from engine.tensor import Tensor


def multinomial(
    input: Tensor,
    num_samples: int,
    replacement: bool = False,
    *,
    generator: RandomStream | None = None,
) -> Tensor:
    """Indices (int64) sampled from each row of `input` (1-d or 2-d, non-negative weights)."""
    probs = input._data
    _check(input, num_samples, replacement)
    rows = probs.reshape(-1, probs.shape[-1])
    if not replacement or num_samples == 1:
        picked = _exponential_race(rows, input._dtype, num_samples, generator)
    else:
        picked = _with_replacement(rows, num_samples, generator)
    shape = (num_samples,) if probs.ndim == 1 else (probs.shape[0], num_samples)
    return input._make(picked.reshape(shape), dtypes.int64)


def _check(input: Tensor, num_samples: int, replacement: bool) -> None:
    probs = input._data
    if not input._dtype.is_floating_point:
        raise RuntimeError(
            "multinomial only supports floating-point dtypes for input, got: "
            f"{scalar_type_name(input._dtype)}"
        )
    if probs.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    if not replacement and num_samples > probs.shape[-1]:
        raise RuntimeError(
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement"
        )
    if not replacement or num_samples == 1:
        if probs.size and not (bool(np.all(probs < np.inf)) and bool(np.all(probs >= 0))):
            raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
        if bool((probs.reshape(-1, probs.shape[-1]).sum(axis=1) == 0).any()):
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
        return
    if bool((probs < 0).any()):
        raise RuntimeError("invalid multinomial distribution (encountering probability entry < 0)")
    if not bool(np.isfinite(probs).all()):
        raise RuntimeError(
            "invalid multinomial distribution (encountering probability entry = infinity or NaN)"
        )


def _exponential_race(
    rows: np.ndarray, dt: dtypes.dtype, num_samples: int, generator: RandomStream | None
) -> np.ndarray:
    """`q = empty_like(p).exponential_(1); p / q`, then argmax or the top num_samples."""
    axes = memory_axes(rows)
    order = rows.transpose(axes)
    q = exponential(generator, rows.size, dt).reshape(order.shape).transpose(np.argsort(axes))
    ratio = (rows / q).astype(dt.np)
    if num_samples == 1:
        winners: np.ndarray = np.argmax(ratio, axis=1).reshape(-1, 1)
    else:
        # descending. Exact ties (only zero weights tie in practice) come out of PyTorch's topk
        # in its selection algorithm's order; here the earlier index wins.
        winners = np.argsort(-ratio, axis=1, kind="stable")[:, :num_samples]
    return winners.astype(np.int64)


def _with_replacement(
    rows: np.ndarray, num_samples: int, generator: RandomStream | None
) -> np.ndarray:
    gen = resolve(generator)
    out = np.empty((rows.shape[0], num_samples), dtype=np.int64)
    for i, row in enumerate(rows):
        cumulative = np.cumsum(row, dtype=row.dtype)
        total = cumulative[-1]
        if not total > 0:
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
        cumulative = (cumulative / total).astype(row.dtype)
        cumulative[-1] = 1
        u, state = unit_float64(gen.get_current(), num_samples)
        gen.set_current(state)
        # the first slot whose cumulative probability is not below the sample
        out[i] = np.searchsorted(cumulative.astype(np.float64), u, side="left")
    return out
