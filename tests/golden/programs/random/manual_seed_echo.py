import torch
torch.manual_seed(0)
g = torch.manual_seed(0)
type(g)
torch.rand(1)
