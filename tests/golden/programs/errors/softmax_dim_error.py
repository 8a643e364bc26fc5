import torch
x = torch.ones(2, 3)
torch.softmax(x, dim=2)
