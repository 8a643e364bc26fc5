import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
b = torch.tensor([[1.0], [0.0], [-1.0]], requires_grad=True)
c = a @ b
c
c.grad_fn
c.shape
c.sum().backward()
a.grad
b.grad
