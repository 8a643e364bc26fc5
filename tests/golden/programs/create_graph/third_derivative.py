import torch
x = torch.tensor(0.5, requires_grad=True)
y = torch.exp(2 * x)
d1 = torch.autograd.grad(y, x, create_graph=True)[0]
d2 = torch.autograd.grad(d1, x, create_graph=True)[0]
d3 = torch.autograd.grad(d2, x)[0]
d1
d2
d3
