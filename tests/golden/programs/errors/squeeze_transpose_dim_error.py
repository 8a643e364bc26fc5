import torch
x = torch.ones(2, 3)
x.transpose(0, 2)
