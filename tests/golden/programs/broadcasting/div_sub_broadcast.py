import torch
a = torch.tensor([[2.0, 4.0], [6.0, 8.0]], requires_grad=True)
b = torch.tensor([2.0, 4.0], requires_grad=True)
y = (a / b - b).sum()
y
y.backward()
a.grad
b.grad
