import torch
x = torch.tensor([0.3, -0.7], requires_grad=True)
y = torch.tanh(torch.sigmoid(x) * torch.exp(-x)) + torch.sqrt(x.abs() + 1)
y
y.sum().backward()
x.grad
