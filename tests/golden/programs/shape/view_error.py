import torch
x = torch.arange(6.0)
x.view(5)
