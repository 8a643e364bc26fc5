import torch
a = torch.ones(3)
b = torch.ones(3, 2)
torch.mm(a, b)
