import torch
torch.eye(3)
torch.eye(2, 3)
torch.eye(3, 2)
torch.eye(2, dtype=torch.int64)
torch.eye(1)
