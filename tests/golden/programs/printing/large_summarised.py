import torch
torch.arange(2000)
torch.arange(1001.0)
torch.zeros(1001)
torch.arange(3000).reshape(60, 50)
torch.arange(1000)
