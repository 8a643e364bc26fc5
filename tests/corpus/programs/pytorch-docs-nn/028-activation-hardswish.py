import torch
from torch import nn
import torch.nn.functional as F
m = nn.Hardswish()
input = torch.randn(2)
output = m(input)
