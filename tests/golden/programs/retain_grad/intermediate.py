import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
h.retain_grad()
y = (h ** 2).sum()
y.retain_grad()
y.backward()
h.grad
y.grad
x.grad
h.retains_grad
x.retains_grad
