import torch
g = torch.manual_seed(0)
torch.rand(3)
torch.rand(2, 2)
g = torch.manual_seed(0)
torch.rand(3)
