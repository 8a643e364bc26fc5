import torch
a = torch.tensor([True, False, True])
a
a.dtype
torch.tensor(False)
torch.tensor([[True], [False]])
