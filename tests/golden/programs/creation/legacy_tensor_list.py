import torch
t = torch.Tensor([1, 2, 3])
t
t.dtype
torch.Tensor([[1, 2], [3, 4]])
torch.Tensor([1.5, -2.25])
torch.Tensor()
