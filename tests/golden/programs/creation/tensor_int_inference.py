import torch
a = torch.tensor([1, 2, 3])
a
a.dtype
b = torch.tensor(7)
b
b.dim()
c = torch.tensor([[1, -2], [30, 4]])
c
