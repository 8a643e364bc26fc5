import torch
x = torch.arange(4.0).requires_grad_()
y = x.view(2, 2)
z = y.t() @ y
z
z.sum().backward()
x.grad
