import torch
g = torch.manual_seed(1)
torch.randint(0, 10, (5,))
torch.randint(10, (2, 3))
torch.randint(0, 10, (5,)).dtype
