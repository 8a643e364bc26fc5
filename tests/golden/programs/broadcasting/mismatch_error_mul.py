import torch
a = torch.ones(3, requires_grad=True)
b = torch.ones(2, 1)
c = a * b
c.shape
d = torch.ones(2, 2)
c * d
