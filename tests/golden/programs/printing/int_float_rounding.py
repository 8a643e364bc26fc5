import torch
torch.tensor([2.0, 3.0]) / 3
torch.tensor([0.99995, 1.00005])
torch.tensor([12345.678, 0.5])
torch.tensor([0.5, 1.25, 2.125, 3.0625])
torch.tensor(1234.5678)
