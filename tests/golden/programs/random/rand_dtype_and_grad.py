import torch
g = torch.manual_seed(3)
w = torch.rand(3, requires_grad=True)
w
(w * 2).sum().backward()
w.grad
torch.rand(2, dtype=torch.float64)
torch.randn(1).dtype
