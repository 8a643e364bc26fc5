import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x[0] * x[2] + x[1] ** 2
y
y.backward()
x.grad
