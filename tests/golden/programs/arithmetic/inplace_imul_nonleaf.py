import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x + 1
y *= 3
y
y.grad_fn
y.sum().backward()
x.grad
