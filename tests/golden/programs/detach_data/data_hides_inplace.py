import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
y = a.sigmoid()
y.data.mul_(2)
y
y.sum().backward()
a.grad
