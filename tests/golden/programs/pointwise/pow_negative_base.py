import torch
x = torch.tensor([-8.0, -1.0, 4.0], requires_grad=True)
y = x ** 0.5
y
z = x ** 2
z.sum().backward()
x.grad
x ** -1
