import torch
x = torch.arange(5.0)
x[::2]
x[::-1]
