import torch
torch.tensor([1, 2.5])
torch.tensor([True, 2])
torch.tensor([1, 2.0]).dtype
torch.tensor([True, 1.5]).dtype
torch.tensor([])
torch.tensor([]).dtype
torch.tensor([[]]).shape
