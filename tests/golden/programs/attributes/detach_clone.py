import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
c = b.detach()
c
c.requires_grad
c.is_leaf
d = b.clone()
d
d.grad_fn
e = a.clone()
e
e.is_leaf
d.sum().backward()
a.grad
