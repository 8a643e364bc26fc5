import torch
torch.Size([2, 3])
torch.Size([])
torch.zeros(2, 3).shape
torch.zeros(4).size()
print(torch.zeros(2, 3).shape)
torch.float32
torch.float64
torch.int64
torch.bool
torch.float
torch.double
torch.long
print(torch.float32)
str(torch.int64)
