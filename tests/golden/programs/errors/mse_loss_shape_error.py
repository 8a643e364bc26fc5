import torch
import torch.nn.functional as F
pred = torch.ones(3)
target = torch.ones(4)
F.mse_loss(pred, target)
