import torch
x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
m = x.max()
m
m.grad_fn
m.backward()
x.grad
torch.max(x)
