"""PyTorch's CPU kernels, bit for bit: the arithmetic torch 2.13's x86-64 build runs.

- `mkl`: the MKL library torch links (VML exp/log/sin/cos/tanh/sqrt, BLAS), through ctypes;
- `blas`: mm / mv / dot / bmm with ATen's choice of BLAS routine, flags and strides;
- `sleef`: Sleef's exp, log and pow (the `Vectorized` maths) ported to numpy;
- `libm`: glibc's scalar routines, which ATen's scalar loops call;
- `loop`: which elements ATen's loops hand to the vector op and which to the scalar op;
- `unary`, `power`, `softmax`: the kernels built from those; `range_factory`: linspace/arange;
- `fma`: fused multiply-add, as the kernels are compiled with it.
"""
