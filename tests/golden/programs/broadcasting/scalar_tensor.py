import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
s = torch.tensor(3.0, requires_grad=True)
y = a * s
y
y.sum().backward()
a.grad
s.grad
