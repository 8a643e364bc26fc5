import torch
torch.full((2, 3), 7.0)
torch.full((2,), 7)
torch.full((2, 2), True)
torch.full((3,), 1.5, dtype=torch.float64)
torch.full((1, 2), -2.0, requires_grad=True)
torch.full((), 4.0)
