import torch
x = torch.tensor([10.0, 50.0, 100.0], requires_grad=True)
y = x.exp()
y
y.sum().backward()
x.grad
