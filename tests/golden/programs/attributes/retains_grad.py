import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
a.retains_grad
b.retains_grad
b.retain_grad()
b.retains_grad
c = b.sum()
c.backward()
b.grad
a.grad
a.retain_grad()
a.retains_grad
