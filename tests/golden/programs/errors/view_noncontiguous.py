import torch
x = torch.arange(6.0).reshape(2, 3)
y = x.t()
y.reshape(6)
y.view(6)
