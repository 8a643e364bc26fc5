import torch
a = torch.ones(3)
b = torch.ones(4)
torch.dot(a, b)
