import torch
from torch import nn
import torch.nn.functional as F
m = nn.Threshold(0, 0.5)
input = torch.arange(-3, 3)
output = m(input)
