import torch
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(2.0)
c = a * b
d = b * 2
a.is_leaf
b.is_leaf
c.is_leaf
d.is_leaf
d.requires_grad
c.detach().is_leaf
