import torch

print(dir(torch.distributions))

help(torch.ones)

torch.ones(4)
