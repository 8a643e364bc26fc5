import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x + 1
h.retain_grad()
print(h.grad)
h.sum().backward()
h.grad
