import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x ** 3
torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 0.5]))
