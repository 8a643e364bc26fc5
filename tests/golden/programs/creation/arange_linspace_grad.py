import torch
x = torch.arange(3.0, requires_grad=True)
x
y = torch.linspace(0, 1, 3, requires_grad=True)
y
(x * y).sum().backward()
x.grad
y.grad
