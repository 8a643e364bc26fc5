"""PyTorch's CPU kernels, bit for bit: the arithmetic torch 2.13's x86-64 build runs.

- `mkl`: the MKL library torch links (VML transcendental functions, BLAS), loaded by ctypes;
- `blas`: mm / mv / dot / bmm with ATen's choice of BLAS routine, flags and strides;
- `vml`: exp, log, sin, cos, tanh, sqrt as ATen's UnaryOpsKernel computes them.
"""
