import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
g = torch.autograd.grad(y, x)
g
type(g)
print(x.grad)
