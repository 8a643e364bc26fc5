import torch
a = torch.tensor([1.0, 2.0])
b = torch.tensor(a)
b
b[0] = 5.0
a
b
