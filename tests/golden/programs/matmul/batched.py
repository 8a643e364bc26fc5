import torch
a = torch.ones(2, 2, 3, requires_grad=True)
b = torch.arange(6.0).reshape(3, 2).requires_grad_()
c = a @ b
c
c.grad_fn
c.sum().backward()
b.grad
a.grad.shape
