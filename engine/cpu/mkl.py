"""Intel MKL, the library PyTorch's x86-64 CPU build links: its vector maths (VML) and BLAS.

torch 2.13's x86-64 wheels link oneMKL 2024.2 statically. ATen's `exp`, `log`, `sin`, `cos`,
`tanh` and `sqrt` kernels (UnaryOpsKernel.cpp, `IMPLEMENT_ITERATOR_LAMBDA` → `vml::v<op>`, see
ATen/cpu/vml.h) call MKL's `vms<Op>`/`vmd<Op>` with `VML_HA | VML_FTZDAZ_OFF |
VML_ERRMODE_IGNORE` on every element, and `mm`/`mv`/`dot` call MKL's `sgemm`/`sgemv`/`sdot`.
MKL's algorithms are its own (neither correctly rounded nor Sleef's), so the only way to
reproduce their bits is to call the same library: the `mkl` wheel of that same version, loaded
here through ctypes (measured equal to torch's results element for element, see
tools/golden/gen_cpu_kernels.py). Its sequential layer is selected, as the golden fixtures are
generated with one thread.

Where the library cannot be loaded (another platform, a trimmed install) `available()` is
False and callers fall back to numpy.
"""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

VML_HA = 0x00000002
VML_FTZDAZ_OFF = 0x00140000
VML_ERRMODE_IGNORE = 0x00000100
_MODE = VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE  # the mode ATen passes (vml.h)
_THREADING_SEQUENTIAL = 1
_INTERFACE_LP64 = 0
_COL_MAJOR = 102
_NO_TRANS, _TRANS = 111, 112

_P = ctypes.c_void_p
_I = ctypes.c_int


def _candidates() -> list[Path]:
    """Where pip puts the wheel's libraries: <prefix>/lib (a venv, a user or a system install)."""
    override = os.environ.get("AUTOGRAD_LAB_MKL")
    names = [Path(override)] if override else []
    for prefix in dict.fromkeys((sys.prefix, sys.base_prefix, sys.exec_prefix)):
        names.append(Path(prefix) / "lib" / "libmkl_rt.so.2")
    return names


@cache
def library() -> ctypes.CDLL | None:
    """The loaded `libmkl_rt`, set to its sequential LP64 layers; None when it is not there."""
    if sys.platform != "linux":
        return None
    for path in _candidates():
        if not path.is_file():
            continue
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        lib.MKL_Set_Threading_Layer.argtypes = [_I]
        lib.MKL_Set_Interface_Layer.argtypes = [_I]
        lib.MKL_Set_Threading_Layer(_THREADING_SEQUENTIAL)
        lib.MKL_Set_Interface_Layer(_INTERFACE_LP64)
        _declare(lib)
        return lib
    return None


@cache
def available() -> bool:
    return library() is not None


@cache
def _gemm_functions() -> dict[np.dtype, tuple[Any, Any, Any]]:
    """dtype → (cblas_?gemm without argtypes, 1, 0) (alpha, and beta 0 or 1): undeclared
    arguments skip ctypes' per-call conversions, which cost more than a small product itself."""
    lib = library()
    assert lib is not None
    return {
        np.dtype(np.float32): (lib["cblas_sgemm"], ctypes.c_float(1.0), ctypes.c_float(0.0)),
        np.dtype(np.float64): (lib["cblas_dgemm"], ctypes.c_double(1.0), ctypes.c_double(0.0)),
    }


def _declare(lib: ctypes.CDLL) -> None:
    for prefix in ("vms", "vmd"):
        for op in VML_OPS.values():
            fn = getattr(lib, prefix + op)
            fn.argtypes = [_I, _P, _P, ctypes.c_int64]
            fn.restype = None
    gemm_args = [_I, _I, _I, _I, _I, _I]
    lib.cblas_sgemm.argtypes = [*gemm_args, ctypes.c_float, _P, _I, _P, _I, ctypes.c_float, _P, _I]
    lib.cblas_dgemm.argtypes = [*gemm_args, ctypes.c_double, _P, _I, _P, _I, ctypes.c_double]
    lib.cblas_dgemm.argtypes += [_P, _I]
    gemv_args = [_I, _I, _I, _I]
    lib.cblas_sgemv.argtypes = [*gemv_args, ctypes.c_float, _P, _I, _P, _I, ctypes.c_float, _P, _I]
    lib.cblas_dgemv.argtypes = [*gemv_args, ctypes.c_double, _P, _I, _P, _I, ctypes.c_double]
    lib.cblas_dgemv.argtypes += [_P, _I]
    for name, real in (("cblas_sgemm_batch_strided", ctypes.c_float),
                       ("cblas_dgemm_batch_strided", ctypes.c_double)):  # fmt: skip
        getattr(lib, name).argtypes = [*gemm_args, real, _P, _I, _I, _P, _I, _I, real, _P, _I,
                                       _I, _I]  # fmt: skip
    for name in ("cblas_sgemm", "cblas_dgemm", "cblas_sgemv", "cblas_dgemv",
                 "cblas_sgemm_batch_strided", "cblas_dgemm_batch_strided"):  # fmt: skip
        getattr(lib, name).restype = None
    lib.cblas_sdot.argtypes = [_I, _P, _I, _P, _I]
    lib.cblas_sdot.restype = ctypes.c_float
    lib.cblas_ddot.argtypes = [_I, _P, _I, _P, _I]
    lib.cblas_ddot.restype = ctypes.c_double


# torch's op name → MKL's VML name (vml.h: IMPLEMENT_VML_MKL(op, mklop))
VML_OPS = {"exp": "Exp", "log": "Ln", "sin": "Sin", "cos": "Cos", "tanh": "Tanh", "sqrt": "Sqrt"}
_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def vml(op: str, x: np.ndarray) -> np.ndarray | None:
    """`op` of every element of a float32/float64 array, as MKL's VML (HA) computes it.

    None when MKL is unavailable or the dtype is not one VML serves. Each element's result
    depends only on that element (VML has no scalar tail), so any layout gives the same bits.
    """
    x = np.asarray(x)
    fn = _vml_functions().get((op, x.dtype))
    if fn is None:
        return None
    src = x if x.flags.c_contiguous else np.ascontiguousarray(x)
    out = np.empty(x.shape, x.dtype)
    if x.size:
        fn(x.size, src.ctypes.data, out.ctypes.data, _MODE)
    return out


@cache
def _vml_functions() -> dict[tuple[str, np.dtype], Any]:
    """(op, dtype) → the VML routine (empty without MKL): one dict lookup per call."""
    lib = library()
    if lib is None:
        return {}
    return {
        (op, np.dtype(dtype)): getattr(lib, prefix + name)
        for op, name in VML_OPS.items()
        for prefix, dtype in (("vms", np.float32), ("vmd", np.float64))
    }


def gemm(
    transa: bool, transb: bool, m: int, n: int, k: int,
    a: np.ndarray, lda: int, b: np.ndarray, ldb: int, c: np.ndarray, ldc: int,
    accumulate: bool = False,
) -> None:  # fmt: skip
    """Fortran `?gemm` (column-major) as ATen's cpublas::gemm calls it: c = op(a)·op(b), or
    with `accumulate` (beta 1, addmm's bias already in c) c = op(a)·op(b) + c.

    `a`, `b` and `c` are arrays whose first element is where BLAS starts reading (or writing);
    the leading dimensions are counted in elements.
    """
    fn, one, zero = _gemm_functions()[c.dtype]
    ta, tb = (_TRANS if transa else _NO_TRANS), (_TRANS if transb else _NO_TRANS)
    pa, pb, pc = _P(a.ctypes.data), _P(b.ctypes.data), _P(c.ctypes.data)
    fn(_COL_MAJOR, ta, tb, m, n, k, one, pa, lda, pb, ldb, one if accumulate else zero, pc, ldc)


def gemm_batch_strided(
    transa: bool, transb: bool, m: int, n: int, k: int,
    a: np.ndarray, lda: int, stride_a: int, b: np.ndarray, ldb: int, stride_b: int,
    c: np.ndarray, ldc: int, stride_c: int, batch: int,
) -> None:  # fmt: skip
    """`?gemm_batch_strided` (column-major), as ATen's `mkl_gemm_batched` calls it for bmm."""
    lib = library()
    assert lib is not None
    fn = lib.cblas_sgemm_batch_strided if c.dtype == np.float32 else lib.cblas_dgemm_batch_strided
    fn(_COL_MAJOR, _TRANS if transa else _NO_TRANS, _TRANS if transb else _NO_TRANS, m, n, k,
       1.0, a.ctypes.data, lda, stride_a, b.ctypes.data, ldb, stride_b, 0.0, c.ctypes.data,
       ldc, stride_c, batch)  # fmt: skip


def gemv(
    trans: bool, m: int, n: int, a: np.ndarray, lda: int, x: np.ndarray, incx: int,
    y: np.ndarray, incy: int,
) -> None:  # fmt: skip
    """Fortran `?gemv` (column-major): y = op(a)·x, a being m×n."""
    lib = library()
    assert lib is not None
    fn = lib.cblas_sgemv if y.dtype == np.float32 else lib.cblas_dgemv
    fn(_COL_MAJOR, _TRANS if trans else _NO_TRANS, m, n, 1.0, a.ctypes.data, lda,
       x.ctypes.data, incx, 0.0, y.ctypes.data, incy)  # fmt: skip


def dot(n: int, x: np.ndarray, incx: int, y: np.ndarray, incy: int) -> float:
    """`?dot`: Σ x_i·y_i in MKL's order."""
    lib = library()
    assert lib is not None
    fn = lib.cblas_sdot if x.dtype == np.float32 else lib.cblas_ddot
    return float(fn(n, x.ctypes.data, incx, y.ctypes.data, incy))
