import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 2
h.retain_grad()
out1 = h.sum()
out2 = (h * h).sum()
out1.backward()
h.grad
out2.backward()
