import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
torch.autograd.grad(y, x, retain_graph=True)
torch.autograd.grad(y, x)
