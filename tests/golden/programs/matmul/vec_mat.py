import torch
v = torch.tensor([1.0, 2.0], requires_grad=True)
m = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = v @ m
y
y.grad_fn
y.sum().backward()
v.grad
m.grad
