"""Random sampling, bit-exact with PyTorch's CPU kernels: the mt19937 generator, the
distribution kernels, and the random tensor factories (`torch.rand`, `torch.randn`, …)."""
