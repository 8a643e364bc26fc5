import torch
a = torch.tensor([1.0, 4.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 0.0, 2.0], requires_grad=True)
m = torch.max(a, b)
m
m.grad_fn
m.sum().backward()
a.grad
b.grad
