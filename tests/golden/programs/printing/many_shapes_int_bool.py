import torch
torch.arange(12).reshape(3, 4)
torch.arange(12).reshape(2, 3, 2) > 5
torch.tensor([[[True]]])
torch.tensor([10000000000, 1])
