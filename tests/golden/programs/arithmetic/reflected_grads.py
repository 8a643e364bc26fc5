import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
y = (3 - a) * (6 / a) + 2 ** a
y
y.sum().backward()
a.grad
