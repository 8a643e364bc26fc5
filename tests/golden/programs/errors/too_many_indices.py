import torch
x = torch.ones(2, 2)
x[0, 1]
x[0, 1, 0]
