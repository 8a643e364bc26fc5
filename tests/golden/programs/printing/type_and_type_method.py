import torch
a = torch.tensor([1.0, 2.0])
type(a)
print(type(a))
a.type()
torch.tensor([1, 2]).type()
torch.tensor([1.0], dtype=torch.float64).type()
torch.tensor([True]).type()
