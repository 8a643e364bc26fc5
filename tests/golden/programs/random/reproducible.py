import torch
g = torch.manual_seed(7)
a = torch.randn(3)
g = torch.manual_seed(7)
b = torch.randn(3)
torch.equal(a, b)
a
torch.rand(2).shape
