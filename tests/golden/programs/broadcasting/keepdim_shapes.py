import torch
a = torch.arange(6.0).reshape(2, 3).requires_grad_()
m = a.mean(dim=1, keepdim=True)
m
c = a - m
c
(c ** 2).sum().backward()
a.grad
