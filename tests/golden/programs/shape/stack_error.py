import torch
a = torch.ones(2)
b = torch.ones(3)
torch.stack([a, b])
