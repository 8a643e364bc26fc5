import torch
a = torch.ones(2, 1, 3, requires_grad=True)
b = torch.arange(4.0).reshape(4, 1).requires_grad_()
y = a * b
y.shape
y.sum().backward()
a.grad
b.grad
