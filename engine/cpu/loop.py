"""Which elements ATen's elementwise loops hand to the vector op and which to the scalar op.

`cpu_kernel_vec` (aten/src/ATen/native/cpu/Loops.h) walks the TensorIterator's inner loop:
when every operand is contiguous along it, `vectorized_loop` runs the `Vectorized` op on whole
chunks of 2 × `Vectorized<T>::size()` elements and the scalar op on the rest; otherwise
`basic_loop` runs the scalar op on everything. TensorIterator first orders the dimensions by
stride and merges those that are contiguous together, so a dense tensor (contiguous,
transposed, permuted) is one run in memory order, and a strided view is one run per row of its
innermost contiguous dimension — or no run at all. The two ops round differently (Sleef versus
the C library), so an element's bits depend on where it falls.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

# Vectorized<T>::size() per build. A kernel registered with REGISTER_DISPATCH has no AVX512
# build and runs its AVX2 one on an AVX512 machine; ALSO_REGISTER_AVX512_DISPATCH kernels
# (sigmoid and pow among them, measured) run AVX512.
Op = Callable[[np.ndarray], np.ndarray]
AVX2: dict[np.dtype, int] = {np.dtype(np.float32): 8, np.dtype(np.float64): 4}
AVX512: dict[np.dtype, int] = {np.dtype(np.float32): 16, np.dtype(np.float64): 8}


def vector_mask(x: np.ndarray, lanes: dict[np.dtype, int]) -> np.ndarray:
    """True where the element of a unary op's input goes through the Vectorized op of a
    kernel built with `lanes` (AVX2 or AVX512)."""
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool)
    chunk = 2 * lanes[x.dtype]
    if x.size < chunk:
        return mask
    item = x.itemsize
    dims = [d for d in range(x.ndim) if x.shape[d] > 1]
    if any(x.strides[d] <= 0 or x.strides[d] % item for d in dims):
        return mask  # broadcast or reversed views: not a layout the vector loop reads
    # innermost first, as TensorIterator orders them
    dims.sort(key=lambda d: x.strides[d])
    if x.strides[dims[0]] != item:
        return mask  # the inner stride is not 1: basic_loop on every element
    run, size = [dims[0]], x.shape[dims[0]]
    for d in dims[1:]:
        if x.strides[d] == x.strides[run[-1]] * x.shape[run[-1]]:
            run.append(d)
            size *= x.shape[d]
        else:
            break
    cut = size - size % chunk
    # position of each element within its run: the run's dims, innermost varying fastest
    position = np.zeros(x.shape, dtype=np.int64)
    step = 1
    for d in run:
        shape = [1] * x.ndim
        shape[d] = x.shape[d]
        position = position + np.arange(x.shape[d]).reshape(shape) * step
        step *= x.shape[d]
    return np.asarray(position < cut)


def elementwise(
    x: np.ndarray,
    lanes: dict[np.dtype, int],
    vector_op: Op,
    scalar_op: Op,
) -> np.ndarray:
    """A unary `cpu_kernel_vec`: `vector_op` on the elements the vector loop takes, `scalar_op`
    on the others (both see a flat array; every lane of a vector op is independent)."""
    x = np.asarray(x)
    mask = vector_mask(x, lanes)
    out = np.empty(x.shape, x.dtype)
    if mask.any():
        out[mask] = vector_op(x[mask])
    rest = ~mask
    if rest.any():
        out[rest] = scalar_op(x[rest])
    return out


def elementwise2(
    x: np.ndarray,
    y: np.ndarray,
    lanes: dict[np.dtype, int],
    vector_op: Callable[[np.ndarray, np.ndarray], np.ndarray],
    scalar_op: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> np.ndarray | None:
    """A binary `cpu_kernel_vec` on two operands of one shape and one layout (None for any
    other pair: broadcasting takes ATen's other loop shapes, not reproduced here)."""
    if x.shape != y.shape or x.strides != y.strides or x.dtype != y.dtype:
        return None
    mask = vector_mask(x, lanes)
    out = np.empty(x.shape, x.dtype)
    if mask.any():
        out[mask] = vector_op(x[mask], y[mask])
    rest = ~mask
    if rest.any():
        out[rest] = scalar_op(x[rest], y[rest])
    return out
