import torch
a = torch.tensor([7, -7, 6])
a / 2
(a / 2).dtype
a * 2
a - 10
