import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
a = x.sum(dim=0)
b = x.sum(1)
c = x.sum(dim=1, keepdim=True)
a
b
c
a.grad_fn
(a.sum() + (b * 2).sum() + (c * 3).sum()).backward()
x.grad
x.sum(-1)
x.sum((0, 1))
