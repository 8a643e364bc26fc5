import torch
x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = (x * torch.tensor([3.0, 4.0])).sum()
y.dtype
y.backward()
x.grad
x.grad.dtype
x.grad.type()
