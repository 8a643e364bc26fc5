import torch
e = torch.empty(2, 3)
e.shape
e.dtype
e.requires_grad
torch.empty(0)
torch.empty(4, dtype=torch.int64).shape
