import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.add_(1)
y
y.grad_fn
y.mul_(3)
y.grad_fn
y.sum().backward()
x.grad
