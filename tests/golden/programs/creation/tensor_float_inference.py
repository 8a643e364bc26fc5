import torch
a = torch.tensor([1.0, 2.0, 3.0])
a
a.dtype
b = torch.tensor(2.5)
b
b.shape
c = torch.tensor([[1.5, 2.0], [3.0, 4.25]])
c
print(c)
