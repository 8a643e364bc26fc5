import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * 3).sum()
torch.autograd.backward(y)
x.grad
z = x * 2
torch.autograd.backward(z, torch.tensor([1.0, -1.0]))
x.grad
