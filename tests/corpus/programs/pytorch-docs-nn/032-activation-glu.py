import torch
from torch import nn
import torch.nn.functional as F
m = nn.GLU()
input = torch.randn(4, 2)
output = m(input)
