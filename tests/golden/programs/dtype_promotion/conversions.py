import torch
a = torch.tensor([1.7, -2.3, 0.0])
a.long()
a.double()
a.double().dtype
a.float()
a.bool()
torch.tensor([1, 0, 3]).float()
