import torch
x = torch.tensor([])
x.sum()
x.mean()
