import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x + 0
y += 5
y -= 1
y
y.grad_fn
(y * y).sum().backward()
x.grad
