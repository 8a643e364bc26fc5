import torch
a = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
b = torch.tensor([10.0, 20.0], requires_grad=True)
c = a + b
c
c.shape
c.sum().backward()
a.grad
b.grad
