import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 1
b[1] = 0.0
b.grad_fn
b.grad_fn.name()
c = torch.zeros(3)
c[0] = a[0]
c.grad_fn
c.requires_grad
c.sum().backward()
a.grad
