import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.cat([a, b])
c
c.grad_fn
s = torch.stack([a, b])
s
s.grad_fn
torch.stack((a, b), dim=1)
(c * torch.arange(4.0)).sum().backward()
a.grad
b.grad
