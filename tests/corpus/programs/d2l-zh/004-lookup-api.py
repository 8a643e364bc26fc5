#@tab pytorch
import torch
print(dir(torch.distributions))

#@tab pytorch
help(torch.ones)

#@tab pytorch
torch.ones(4)
