import torch
a = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = a ** 2
y.sum().backward()
a.grad
b = torch.tensor([0.0, 1.0], requires_grad=True)
(b ** 0.5).sum().backward()
b.grad
