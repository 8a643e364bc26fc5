import torch
with torch.no_grad():
    w = torch.ones(2, requires_grad=True)
    y = w * 2
w
w.requires_grad
y
y.requires_grad
(w * 2).sum().backward()
w.grad
