import torch
x = torch.tensor([1, 2])
x.add_(1)
x.mul_(2)
x
x.add_(0.5)
