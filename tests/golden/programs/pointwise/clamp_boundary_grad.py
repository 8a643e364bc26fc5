import torch
x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
y = torch.clamp(x, -1.0, 1.0)
y.sum().backward()
x.grad
