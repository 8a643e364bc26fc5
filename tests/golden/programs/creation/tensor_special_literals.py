import torch
torch.tensor(2 ** 40)
torch.tensor(-0.0)
torch.tensor([1e30, -1e30])
torch.tensor(((1, 2), (3, 4)))
torch.tensor([float('inf')])
torch.tensor(1e-45)
