import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = a + b
d = a - b
c
d
(c * d).sum().backward()
a.grad
b.grad
