import torch
torch.linspace(0, 1, 5)
torch.linspace(-1, 1, 3)
torch.linspace(0, 10, 11)
torch.linspace(2, 2, 1)
torch.linspace(0, 1, 5).dtype
torch.linspace(0, 1, 4, dtype=torch.float64)
