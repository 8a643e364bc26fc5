import torch
x = torch.tensor(2.0, requires_grad=True)
h = x * x
h.retain_grad()
(h * 3).backward(retain_graph=True)
h.grad
(h * 3).backward()
h.grad
x.grad
