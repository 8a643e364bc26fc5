import torch
x = torch.tensor([1, 2, 3])
x.sum()
x.mean()
