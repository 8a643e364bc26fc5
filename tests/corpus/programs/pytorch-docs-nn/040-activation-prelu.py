import torch
from torch import nn
import torch.nn.functional as F
m = nn.PReLU()
input = torch.randn(2)
output = m(input)
