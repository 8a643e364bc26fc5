import torch
b = torch.tensor([True, False, True])
b + 1
(b + 1).dtype
b * 2.0
(b * 2.0).dtype
b.sum()
b.sum().dtype
