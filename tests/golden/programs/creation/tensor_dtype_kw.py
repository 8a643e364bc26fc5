import torch
torch.tensor([1, 2], dtype=torch.float32)
torch.tensor([1.7, -2.7], dtype=torch.int64)
torch.tensor([1.0, 2.0], dtype=torch.float64)
torch.tensor([0, 1, 2], dtype=torch.bool)
torch.tensor(3, dtype=torch.double)
torch.tensor(3.0, dtype=torch.long)
