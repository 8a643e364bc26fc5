import torch
x = torch.tensor(2.0, requires_grad=True)
h = x * x
y = h * 5
torch.autograd.grad(y, h)
print(x.grad)
