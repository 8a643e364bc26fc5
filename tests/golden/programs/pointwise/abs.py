import torch
x = torch.tensor([-1.5, 0.0, 2.0], requires_grad=True)
y = x.abs()
y
y.grad_fn
y.sum().backward()
x.grad
torch.abs(torch.tensor([-3, 4]))
abs(torch.tensor([-1.0, 1.0]))
