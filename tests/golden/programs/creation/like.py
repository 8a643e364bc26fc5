import torch
a = torch.tensor([[1.5, 2.0], [3.0, 4.0]], requires_grad=True)
z = torch.zeros_like(a)
z
z.requires_grad
o = torch.ones_like(a)
o
torch.ones_like(torch.tensor([1, 2]))
torch.zeros_like(a, dtype=torch.int64)
torch.ones_like(a, requires_grad=True)
