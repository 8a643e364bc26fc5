import torch
torch.arange(5)
torch.arange(2, 7)
torch.arange(0, 1, 0.25)
torch.arange(1, 10, 3)
torch.arange(5.0)
torch.arange(5).dtype
torch.arange(5.0).dtype
torch.arange(10, 0, -2)
torch.arange(4, dtype=torch.float32)
