import torch
x = torch.tensor(1.0, requires_grad=True)
y = x.exp()
y.backward()
x.grad
y.backward()
