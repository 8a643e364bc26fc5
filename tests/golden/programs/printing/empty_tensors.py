import torch
torch.tensor([])
torch.zeros(0, 3)
torch.zeros(2, 0)
torch.tensor([], dtype=torch.int64)
torch.ones(0, requires_grad=True)
