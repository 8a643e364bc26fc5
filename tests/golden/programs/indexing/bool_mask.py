import torch
x = torch.tensor([1.0, -2.0, 3.0, -4.0], requires_grad=True)
m = x > 0
m
y = x[m]
y
y.grad_fn
y.sum().backward()
x.grad
