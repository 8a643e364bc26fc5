import torch
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[0, 1], [1, 0]])
a @ b
(a @ b).dtype
torch.tensor([1, 2]) @ torch.tensor([3, 4])
