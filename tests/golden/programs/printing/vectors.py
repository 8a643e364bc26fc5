import torch
torch.tensor([1.0, 2.0, 3.0])
torch.tensor([1.5, 2.25, -3.125])
torch.tensor([0.1, 0.2, 0.3])
torch.tensor([1.0, 10.0, 100.0])
torch.tensor([1.0, 1000.0, 100000.0])
torch.tensor([1e-4, 1.0])
torch.tensor([1e-9, 1e9])
torch.tensor([1.23456789, 2.0])
