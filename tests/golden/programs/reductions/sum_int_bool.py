import torch
torch.tensor([1, 2, 3]).sum()
torch.tensor([True, True, False]).sum()
torch.tensor([[1, 2], [3, 4]]).sum(0)
torch.tensor([1.0, 2.0], dtype=torch.float64).sum()
