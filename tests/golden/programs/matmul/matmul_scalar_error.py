import torch
a = torch.tensor(2.0)
b = torch.ones(2)
a @ b
