import torch
x = torch.arange(6.0)
x.reshape(2, 3)
x.reshape(4, 2)
