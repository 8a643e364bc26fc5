import torch
import torch.nn as nn

p = nn.Parameter(torch.tensor([1.0, 2.0]))
p
p.requires_grad, p.is_leaf, type(p)
nn.Parameter(torch.tensor([1.0, 2.0]), requires_grad=False)
with torch.no_grad():
    print(nn.Parameter(torch.zeros(2)))
nn.Parameter()
try:
    nn.Parameter(torch.tensor([1, 2]))
except RuntimeError as e:
    print(e)
t = torch.tensor([1.0, 2.0], requires_grad=True) * 2
q = nn.Parameter(t)
q, q.is_leaf, q.grad_fn
x = torch.zeros(2)
shared = nn.Parameter(x)
x.add_(1)
shared
isinstance(p, torch.Tensor), str(p)
p + 1, type(p + 1), type(p.data), type(p.detach())
(p * p).sum().backward()
p.grad
