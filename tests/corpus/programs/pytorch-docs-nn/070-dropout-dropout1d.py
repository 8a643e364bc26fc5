import torch
from torch import nn
import torch.nn.functional as F
m = nn.Dropout1d(p=0.2)
input = torch.randn(20, 16, 32)
output = m(input)
