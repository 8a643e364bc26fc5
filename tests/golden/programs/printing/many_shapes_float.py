import torch
torch.arange(24.0).reshape(2, 3, 4)
torch.arange(8.0).reshape(2, 2, 2) / 3
torch.ones(1, 1, 1)
torch.arange(6.0).reshape(1, 6)
torch.arange(6.0).reshape(6, 1)
