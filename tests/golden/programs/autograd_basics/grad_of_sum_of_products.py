import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
loss = (a * b).sum() + (a @ b).sum() + (a - b).pow(2).mean()
loss
loss.backward()
a.grad
b.grad
