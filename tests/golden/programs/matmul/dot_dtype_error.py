import torch
a = torch.ones(3)
b = torch.ones(3, dtype=torch.float64)
torch.dot(a, b)
