import torch
x = torch.tensor([0.0, 1.0, 3.0], requires_grad=True)
s = torch.sin(x)
c = x.cos()
s
c
s.grad_fn
c.grad_fn
(s * c).sum().backward()
x.grad
