import torch
x = torch.tensor(2.0, requires_grad=True)
y = x + 1
y.backward()
y.backward()
x.grad
