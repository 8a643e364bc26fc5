import torch
x = torch.ones(2, 3, 4)
x.t()
