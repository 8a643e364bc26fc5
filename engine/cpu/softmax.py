"""softmax and log_softmax along the last dimension as ATen's CPU kernels compute them.

aten/src/ATen/native/cpu/SoftMaxKernel.cpp (`_vec_softmax_lastdim`,
`_vec_host_softmax_backward_lastdim`) and LogSoftmaxKernelImpl.h
(`serial_vec_log_softmax_lastdim_range`) are built for AVX512 on x86-64 (16 float / 8 double
lanes) and reduce each row with `vec::reduce_all` / `map_reduce_all` (functional_base.h):
whole vectors are combined lane by lane, a partial last vector into its first lanes, and the
lanes then fold — a shuffle tree for float, one by one for double. Exponentials and logarithms
are Sleef's (`Vectorized::exp`, `::log`) on every element.

Every function takes rows as a 2-D array (rows, dim) and returns the same shape.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.cpu import libm, sleef
from engine.cpu.fma import fma32, fma64
from engine.cpu.loop import AVX512

Op = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _fold_lanes(acc: np.ndarray, op: Op, count: int) -> np.ndarray:
    """`vec_reduce_all`'s slow path: lane 0 combined with lanes 1 … count-1 in turn."""
    out = acc[:, 0]
    for i in range(1, count):
        out = op(out, acc[:, i])
    return out


def _tree_lanes(acc: np.ndarray, op: Op) -> np.ndarray:
    """The float shuffle tree (AVX512: lanes i and i^8, then i^4, i^2, i^1; AVX2 from i^4)."""
    v = acc
    lanes = acc.shape[1]
    step = lanes // 2
    while step:
        v = op(v, v[:, np.arange(lanes) ^ step])
        step //= 2
    return v[:, 0]


def reduce_rows(rows: np.ndarray, op: Op, build: dict[np.dtype, int] = AVX512) -> np.ndarray:
    """`vec::reduce_all(op, row, dim)` for every row, in the given build's lanes."""
    dim = rows.shape[1]
    lanes = build[rows.dtype]
    if dim < lanes:
        return _fold_lanes(rows, op, dim)
    acc = rows[:, :lanes]
    full = dim - dim % lanes
    for d in range(lanes, full, lanes):
        acc = op(acc, rows[:, d : d + lanes])
    if full < dim:
        tail = dim - full
        acc = acc.copy()
        acc[:, :tail] = op(acc[:, :tail], rows[:, full:])
    if rows.dtype == np.float32:
        return _tree_lanes(acc, op)
    return _fold_lanes(acc, op, lanes)


def _exp(x: np.ndarray) -> np.ndarray:
    return sleef.expf_u10(x) if x.dtype == np.float32 else sleef.exp_u10(x)


def softmax_lastdim(rows: np.ndarray) -> np.ndarray:
    """max, e = exp(x − max), then e · (1 / Σe), as `_vec_softmax_lastdim`."""
    with np.errstate(all="ignore"):
        peak = reduce_rows(rows, np.maximum)
        e = _exp(rows - peak[:, None])
        total = reduce_rows(e, np.add)
        scale = rows.dtype.type(1) / total
        return np.asarray(e * scale[:, None], dtype=rows.dtype)


def log_softmax_lastdim(rows: np.ndarray) -> np.ndarray:
    """(x − max) − log Σ exp(x − max), as `serial_vec_log_softmax_lastdim_range`."""
    with np.errstate(all="ignore"):
        peak = reduce_rows(rows, np.maximum)
        total = reduce_rows(_exp(rows - peak[:, None]), np.add)
        log_total = sleef.logf_u10(total) if rows.dtype == np.float32 else sleef.log_u10(total)
        return np.asarray((rows - peak[:, None]) - log_total[:, None], dtype=rows.dtype)


def _dot_rows(grad: np.ndarray, output: np.ndarray) -> np.ndarray:
    """`vec::map2_reduce_all(x·y, +)` per row. In the float build the compiler fuses the
    partial last vector's `acc + x·y` into one FMA (measured; the double build does not)."""
    dim = grad.shape[1]
    lanes = AVX512[grad.dtype]
    if dim < lanes:
        return _fold_lanes(grad * output, np.add, dim)
    acc = grad[:, :lanes] * output[:, :lanes]
    full = dim - dim % lanes
    for d in range(lanes, full, lanes):
        acc = acc + grad[:, d : d + lanes] * output[:, d : d + lanes]
    if full < dim:
        tail = dim - full
        acc = acc.copy()
        if grad.dtype == np.float32:
            acc[:, :tail] = fma32(grad[:, full:], output[:, full:], acc[:, :tail])
        else:
            acc[:, :tail] = acc[:, :tail] + grad[:, full:] * output[:, full:]
    if grad.dtype == np.float32:
        return _tree_lanes(acc, np.add)
    return _fold_lanes(acc, np.add, lanes)


def softmax_backward_lastdim(grad: np.ndarray, output: np.ndarray) -> np.ndarray:
    """(g − Σ g·y) · y, as `_vec_host_softmax_backward_lastdim<…, false>`."""
    with np.errstate(all="ignore"):
        total = _dot_rows(grad, output)
        return np.asarray((grad - total[:, None]) * output, dtype=output.dtype)


def log_softmax_backward_lastdim(grad: np.ndarray, output: np.ndarray) -> np.ndarray:
    """g − exp(y) · Σg, as `_vec_host_softmax_backward_lastdim<…, true>`, whose
    `x − exp(y)·sum` the compiler fuses into one FMA."""
    with np.errstate(all="ignore"):
        total = np.broadcast_to(reduce_rows(grad, np.add)[:, None], grad.shape)
        fma = fma32 if grad.dtype == np.float32 else fma64
        return np.asarray(fma(-_exp(output), total, grad), dtype=output.dtype)


# --- along another dimension: (outer, dim, inner) blocks, one lane per inner position ---------
# `_vec_softmax`, `serial_vec_logsoftmax_range` and `_vec_{log_,}softmax_backward` run whole
# vectors of inner positions through Vectorized code and the rest of each row of inner
# positions through scalar code (the C library's exp), reducing over `dim` one step at a time.


def _inner_vector_mask(inner: int, lanes: int, chunk: int | None = None) -> np.ndarray:
    """True for the inner positions a vector covers (per chunk of `chunk` positions)."""
    position = np.arange(inner)
    if chunk is None:
        return np.asarray(position < inner - inner % lanes)
    start = position - position % chunk
    size = np.minimum(chunk, inner - start)
    return np.asarray(position - start < size - size % lanes)


def _exp_split(x: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """exp of (outer, dim, inner) values: Sleef where `vector` (per inner position), glibc else."""
    out = np.empty_like(x)
    if vector.any():
        out[:, :, vector] = _exp(x[:, :, vector])
    if (~vector).any():
        out[:, :, ~vector] = libm.unary("exp", x[:, :, ~vector])
    return out


def _logsoftmax_chunk(inner: int, dim: int, dtype: np.dtype) -> int:
    """`vec_logsoftmax_chunk_size_and_num_chunks`: inner positions per 128 KiB block."""
    lanes = AVX512[dtype]
    most = max(128 * 1024 // dim // dtype.itemsize, lanes)
    return min(most // lanes * lanes, inner)


def _vertical_max(x: np.ndarray) -> np.ndarray:
    peak = x[:, 0]
    for d in range(1, x.shape[1]):
        peak = np.maximum(peak, x[:, d])
    return peak


def _vertical_sum(x: np.ndarray) -> np.ndarray:
    total = np.zeros_like(x[:, 0])
    for d in range(x.shape[1]):
        total = total + x[:, d]
    return total


def softmax_dim(blocks: np.ndarray) -> np.ndarray:
    """softmax over axis 1 of (outer, dim, inner) blocks, as `_vec_softmax`: e / Σe."""
    vector = _inner_vector_mask(blocks.shape[2], AVX512[blocks.dtype])
    with np.errstate(all="ignore"):
        peak = _vertical_max(blocks)
        e = _exp_split(blocks - peak[:, None], vector)
        return np.asarray(e / _vertical_sum(e)[:, None], dtype=blocks.dtype)


def log_softmax_dim(blocks: np.ndarray) -> np.ndarray:
    """log_softmax over axis 1 of (outer, dim, inner) blocks (`serial_vec_logsoftmax_range`)."""
    _, dim, inner = blocks.shape
    chunk = _logsoftmax_chunk(inner, dim, blocks.dtype)
    vector = _inner_vector_mask(inner, AVX512[blocks.dtype], chunk)
    with np.errstate(all="ignore"):
        peak = np.full_like(blocks[:, 0], -np.inf)
        for d in range(dim):
            peak = np.where(blocks[:, d] > peak, blocks[:, d], peak)
        total = _vertical_sum(_exp_split(blocks - peak[:, None], vector))
        log_total = sleef.logf_u10(total) if blocks.dtype == np.float32 else sleef.log_u10(total)
        return np.asarray((blocks - peak[:, None]) - log_total[:, None], dtype=blocks.dtype)


def _fused(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.asarray((fma32 if a.dtype == np.float32 else fma64)(a, b, c), dtype=a.dtype)


def softmax_backward_dim(grad: np.ndarray, output: np.ndarray) -> np.ndarray:
    """y · (g − Σ g·y) over axis 1 of (outer, dim, inner) blocks (`_vec_softmax_backward`);
    the running `sum += g·y` is fused in both its vector and scalar loops (measured)."""
    with np.errstate(all="ignore"):
        total = np.zeros_like(grad[:, 0])
        for d in range(grad.shape[1]):
            total = _fused(grad[:, d], output[:, d], total)
        return np.asarray(output * (grad - total[:, None]), dtype=output.dtype)


def log_softmax_backward_dim(grad: np.ndarray, output: np.ndarray) -> np.ndarray:
    """g − exp(y) · Σg over axis 1 of (outer, dim, inner) blocks (`_vec_log_softmax_backward`),
    exp by Sleef or the C library per inner position, the last step fused."""
    _, dim, inner = grad.shape
    chunk = _logsoftmax_chunk(inner, dim, grad.dtype)
    vector = _inner_vector_mask(inner, AVX512[grad.dtype], chunk)
    with np.errstate(all="ignore"):
        total = np.broadcast_to(_vertical_sum(grad)[:, None], grad.shape)
        return _fused(-_exp_split(output, vector), total, grad)
