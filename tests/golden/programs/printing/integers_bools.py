import torch
torch.tensor([1, 22, 333])
torch.tensor([-1, 0, 1])
torch.tensor([[1, 200], [-30, 4]])
torch.tensor([True, False])
torch.tensor([[True, False], [False, True]])
torch.tensor([1, 2], dtype=torch.int64)
