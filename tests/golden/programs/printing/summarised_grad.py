import torch
x = torch.ones(1200, requires_grad=True)
x
y = x * 2
y
torch.arange(2000.0).reshape(2, 1000)
