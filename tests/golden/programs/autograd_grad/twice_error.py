import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
torch.autograd.grad(y, x)
torch.autograd.grad(y, x)
