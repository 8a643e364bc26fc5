import torch
m = torch.ones(2, 3)
v = torch.ones(2)
torch.mv(m, v)
