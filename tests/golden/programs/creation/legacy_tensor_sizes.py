import torch
t = torch.Tensor(2, 3).zero_()
t
t.dtype
t.shape
type(t)
torch.Tensor(0)
torch.Tensor(0).shape
