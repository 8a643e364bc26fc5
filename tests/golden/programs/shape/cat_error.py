import torch
a = torch.ones(2, 2)
b = torch.ones(3, 3)
torch.cat([a, b])
