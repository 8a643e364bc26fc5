import torch
from torch import nn
import torch.nn.functional as F
m = nn.RReLU(0.1, 0.3)
input = torch.randn(2)
output = m(input)
