import torch
x = torch.arange(6.0, requires_grad=True)
a = x.reshape(2, 3)
b = x.view(3, 2)
a
b
a.grad_fn
b.grad_fn
x.reshape(-1, 2)
x.view(-1)
(a.sum() + (b * 2).sum()).backward()
x.grad
