import torch
a = torch.tensor([1.0, -2.0], requires_grad=True)
b = -a
b
b.grad_fn
c = a.neg()
c
torch.neg(a)
(b * c).sum().backward()
a.grad
