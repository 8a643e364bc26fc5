import torch
torch.tensor([1.0]).item()
torch.tensor([1.0, 2.0]).item()
