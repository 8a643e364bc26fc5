import torch
x = torch.zeros(3)
x[1] = 5.0
x
x[0:2] = torch.tensor([7.0, 8.0])
x
x[2] = 1
x
