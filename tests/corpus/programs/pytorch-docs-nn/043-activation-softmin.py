import torch
from torch import nn
import torch.nn.functional as F
m = nn.Softmin(dim=1)
input = torch.randn(2, 3)
output = m(input)
