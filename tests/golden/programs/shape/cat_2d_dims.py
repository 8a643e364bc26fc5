import torch
a = torch.ones(2, 2, requires_grad=True)
b = torch.zeros(2, 3, requires_grad=True)
c = torch.cat([a, b], dim=1)
c
c.shape
(c * 2).sum().backward()
a.grad
b.grad
torch.cat([a, a], 0).shape
