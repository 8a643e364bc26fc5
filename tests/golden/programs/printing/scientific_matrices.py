import torch
torch.tensor([[1e-3, 1e3], [1.0, 2.0]])
torch.tensor([[1e10, 1.0]])
torch.tensor([1.5e-7, 2.5e-7])
torch.tensor([100000.0, 1.0])
torch.tensor([99999.0, 1.0])
torch.tensor([0.00012345, 1.5])
