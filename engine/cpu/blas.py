"""Matrix products summed in PyTorch's CPU order: mm, mv, dot and bmm as ATen calls its BLAS.

Which BLAS routine ATen calls, with which transpose flags and leading dimensions, decides the
order MKL adds the products in, so this module repeats ATen's choices
(aten/src/ATen/native/LinearAlgebra.cpp: `addmm_impl_cpu_`, `bmm_out_or_baddbmm_`,
`baddbmm_cpu_kernel`; Blas.cpp: `addmv_out_cpu`, `dot`; CPUBlas.cpp: `normalize_last_dims`)
on numpy arrays, strides included, and hands the same buffers to the same MKL routines. A
transposed view is read in place with the transpose flag, exactly as ATen reads it.

Without MKL (`mkl.available()` False) the products fall back to numpy's BLAS, whose order
differs in the last bit for some shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from engine.cpu import mkl

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))
BMM_NAIVE_BELOW = 400  # contraction·rows·cols under which ATen's bmm loops itself


def _strides(a: np.ndarray) -> tuple[int, ...] | None:
    """Element strides, or None when numpy's layout is not one BLAS can read (negative…)."""
    item = a.itemsize
    out = []
    for s in a.strides:
        if s < 0 or s % item:
            return None
        out.append(s // item)
    return tuple(out)


def _exact(*arrays: np.ndarray) -> bool:
    return (
        mkl.available()
        and all(a.dtype in _FLOATS for a in arrays)
        and len({a.dtype for a in arrays}) == 1
    )


def _contiguous_strides(shape: tuple[int, ...]) -> tuple[int, ...]:
    strides, step = [], 1
    for size in reversed(shape):
        strides.append(step)
        step *= size
    return tuple(reversed(strides))


def _torch_strides(a: np.ndarray) -> tuple[int, ...] | None:
    """The strides PyTorch's tensor would have: numpy's (in elements). The engine builds its
    views with the numpy operations that mirror torch's, so even the strides of size-1
    dimensions, which steer BLAS's path here, agree."""
    return _strides(a)


def _normalize_last_dims(
    transa: bool, transb: bool, m: int, n: int, k: int, lda: int, ldb: int, ldc: int
) -> tuple[int, int, int]:
    """CPUBlas.cpp `normalize_last_dims`: the leading dimensions of degenerate shapes."""
    if n == 1:
        ldc = m
    if transa:
        if m == 1:
            lda = k
    elif k == 1:
        lda = m
    if transb:
        if k == 1:
            ldb = n
    elif n == 1:
        ldb = k
    return lda, ldb, ldc


def _gemm(
    transa: bool, transb: bool, m: int, n: int, k: int,
    a: np.ndarray, lda: int, b: np.ndarray, ldb: int, c: np.ndarray, ldc: int,
) -> None:  # fmt: skip
    """cpublas::gemm: the leading dimensions normalised, then MKL's column-major gemm."""
    lda, ldb, ldc = _normalize_last_dims(transa, transb, m, n, k, lda, ldb, ldc)
    mkl.gemm(transa, transb, m, n, k, a, lda, b, ldb, c, ldc)


def _fallback_mm(a: np.ndarray, b: np.ndarray, dot: bool = False) -> np.ndarray:
    """Without MKL: small float products one term at a time (the order MKL uses for the
    shapes below, measured against torch 2.13), numpy's matmul otherwise."""
    m, k = a.shape
    n = b.shape[1]
    if a.dtype.kind == "f" and k > 0:
        if dot:
            small = k <= 3
        elif n == 1:
            small = m == 1 or k <= 4  # gemv
        else:
            small = m == 1 or (k <= 7 and (m <= 3 or n <= 9))
        if small:
            return np.asarray(sequential_bmm(a[None], b[None])[0])
    return np.asarray(np.matmul(a, b))


@dataclass(frozen=True)
class _MmPlan:
    """How `addmm_impl_cpu_` calls gemm for given shapes and strides (its choice depends on
    nothing else, so it is worked out once per layout and cached)."""

    swap: bool  # transpose_c: compute cᵀ = m2ᵀ·m1ᵀ, i.e. hand BLAS (m2, m1)
    copy_a: bool  # the first BLAS operand is not BLAS-readable: a contiguous copy
    copy_b: bool
    transa: bool
    transb: bool
    m: int
    n: int
    k: int
    lda: int
    ldb: int
    ldc: int


@lru_cache(maxsize=1024)
def _mm_plan(
    shape1: tuple[int, ...], strides1: tuple[int, ...] | None,
    shape2: tuple[int, ...], strides2: tuple[int, ...] | None,
) -> _MmPlan:  # fmt: skip
    rows, cols = shape1[0], shape2[1]
    r_strides = _contiguous_strides((rows, cols))
    # the result is a fresh contiguous tensor: column-major only when it has one column
    swap = not (r_strides[0] == 1 and (cols == 1 or r_strides[1] >= max(1, rows)))
    if swap:
        shape1, strides1, shape2, strides2 = shape2, strides2, shape1, strides1
    m = (rows, cols)[1 if swap else 0]
    n = (rows, cols)[0 if swap else 1]
    k = shape1[0 if swap else 1]
    i0, i1 = (1, 0) if swap else (0, 1)

    def operand(
        shape: tuple[int, ...], s: tuple[int, ...] | None, lead: int, other: int
    ) -> tuple[bool, bool, tuple[int, ...]]:
        if s is not None and s[i0] == 1 and s[i1] >= max(1, lead):
            return False, False, s
        if s is not None and s[i1] == 1 and s[i0] >= max(1, other):
            return False, True, s
        return True, not swap, _contiguous_strides(shape)

    copy_a, transa, a_strides = operand(shape1, strides1, m, k)
    copy_b, transb, b_strides = operand(shape2, strides2, k, n)
    lda = a_strides[1 if transa == swap else 0]
    ldb = b_strides[1 if transb == swap else 0]
    ldc = _contiguous_strides((rows, cols))[0 if swap else 1]
    lda, ldb, ldc = _normalize_last_dims(transa, transb, m, n, k, lda, ldb, ldc)
    return _MmPlan(swap, copy_a, copy_b, transa, transb, m, n, k, lda, ldb, ldc)


def mm(m1: np.ndarray, m2: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
    """m1 @ m2 (2-D) as `addmm_impl_cpu_` computes it (beta 0, alpha 1); with `bias` (which
    broadcasts to the result) `bias + m1 @ m2` as addmm does: the bias is copied into the
    result and gemm adds the product to it (beta 1), which rounds differently from adding
    the bias afterwards once the contraction is long."""
    if not _exact(m1, m2) or (bias is not None and bias.dtype != m1.dtype):
        product = _fallback_mm(m1, m2)
        return product if bias is None else np.asarray(product + bias)
    rows, cols = m1.shape[0], m2.shape[1]
    if rows == 0 or cols == 0 or m1.shape[1] == 0:
        empty = np.zeros((rows, cols), m1.dtype)
        return empty if bias is None else np.asarray(empty + bias)
    plan = _mm_plan(m1.shape, _torch_strides(m1), m2.shape, _torch_strides(m2))
    a, b = (m2, m1) if plan.swap else (m1, m2)
    if plan.copy_a:
        a = np.ascontiguousarray(a)
    if plan.copy_b:
        b = np.ascontiguousarray(b)
    result = np.empty((rows, cols), m1.dtype)
    if bias is not None:
        result[...] = bias
    mkl.gemm(plan.transa, plan.transb, plan.m, plan.n, plan.k, a, plan.lda, b, plan.ldb, result,
             plan.ldc, accumulate=bias is not None)  # fmt: skip
    return result


def mv(mat: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """mat @ vec as `addmv_out_cpu` calls gemv (beta 0, alpha 1)."""
    if not _exact(mat, vec):
        if mat.dtype.kind == "f" and 0 < mat.shape[1] <= 4:
            return sequential_bmm(mat[None], vec[None, :, None])[0, :, 0]
        return np.asarray(np.matmul(mat, vec))
    rows, cols = mat.shape
    result = np.zeros(rows, mat.dtype)
    if rows == 0:
        return result
    if cols == 0:
        return result
    s = _torch_strides(mat)
    v_strides = _strides(vec)
    if v_strides is None:
        vec = np.ascontiguousarray(vec)
        v_strides = (1,)
    incx = v_strides[0] or 1

    def lda_ok(m: int, n: int, lda: int) -> bool:
        return n == 1 or lda >= max(1, m)

    if s is not None and s[0] == 1 and lda_ok(rows, cols, s[1]):
        lda = s[1]
        if cols == 1:
            lda = max(lda, rows)
        mkl.gemv(False, rows, cols, mat, max(lda, 1), vec, incx, result, 1)
    elif s is not None and s[1] == 1 and lda_ok(cols, rows, s[0]):
        lda = s[0]
        if rows == 1:
            lda = max(lda, cols)
        mkl.gemv(True, cols, rows, mat, max(lda, 1), vec, incx, result, 1)
    else:
        c = np.ascontiguousarray(mat)
        mkl.gemv(True, cols, rows, c, max(cols, 1), vec, incx, result, 1)
    return result


def dot(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Σ x_i·y_i as `at::native::dot` computes it (BLAS `?dot`)."""
    if not _exact(x, y):
        return _fallback_mm(x[None, :], y[:, None], dot=True).reshape(())
    n = x.shape[0]
    if n == 0:
        return np.zeros((), x.dtype)
    xs, ys = _strides(x), _strides(y)
    if xs is None or xs[0] == 0:
        x, xs = np.ascontiguousarray(x), (1,)
    if ys is None or ys[0] == 0:
        y, ys = np.ascontiguousarray(y), (1,)
    incx, incy = (1, 1) if n == 1 else (xs[0], ys[0])
    return np.asarray(mkl.dot(n, x, incx, y, incy), x.dtype)


def sequential_bmm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`baddbmm_cpu_kernel`: each product rounded, added left to right from 0 (no FMA)."""
    acc = np.zeros((*a.shape[:-1], b.shape[-1]), dtype=np.result_type(a, b))
    for p in range(a.shape[-1]):
        acc = acc + a[..., :, p : p + 1] * b[..., p : p + 1, :]
    return acc


def bmm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a[i] @ b[i] for 3-D arrays as `bmm_out_or_baddbmm_` computes it."""
    batch, rows, k = a.shape
    cols = b.shape[2]
    if batch * rows * cols == 0 or k == 0:
        return np.zeros((batch, rows, cols), np.result_type(a, b))
    if k * rows * cols < BMM_NAIVE_BELOW:
        return sequential_bmm(a, b)
    if not _exact(a, b):
        return np.asarray(np.matmul(a, b))
    sa, sb = _torch_strides(a), _torch_strides(b)

    def batch_items(s: tuple[int, ...] | None, sizes: tuple[int, ...]) -> bool:
        return s is not None and (
            (s[2] == 1 and (sizes[1] == 1 or s[1] >= sizes[2]))
            or (s[1] == 1 and (sizes[2] == 1 or s[2] >= sizes[1]))
        )

    if not (batch_items(sa, a.shape) and batch_items(sb, b.shape)):
        return np.stack([mm(a[i], b[i]) for i in range(batch)])
    assert sa is not None and sb is not None
    # baddbmm_with_gemm_: result[i]ᵀ = b[i]ᵀ·a[i]ᵀ in column-major terms, one gemm per matrix
    transpose_a = sb[1] == 1 and sb[2] >= b.shape[1]
    transpose_b = sa[1] == 1 and sa[2] >= a.shape[1]
    lda = sb[2 if transpose_a else 1]
    ldb = sa[2 if transpose_b else 1]
    result = np.zeros((batch, rows, cols), a.dtype)
    if batch == 1:
        _gemm(transpose_a, transpose_b, cols, rows, k, b[0], lda, a[0], ldb, result[0], cols)
        return result
    lda, ldb, ldc = _normalize_last_dims(transpose_a, transpose_b, cols, rows, k, lda, ldb, cols)
    mkl.gemm_batch_strided(transpose_a, transpose_b, cols, rows, k, b, lda, sb[0], a, ldb, sa[0],
                           result, ldc, rows * cols, batch)  # fmt: skip
    return result
