import torch
from torch import nn
import torch.nn.functional as F
# pool of cubic window of size=3, and target output size 13x12x11
m = nn.FractionalMaxPool3d(3, output_size=(13, 12, 11))
# pool of cubic window and target output size being half of input size
m = nn.FractionalMaxPool3d(3, output_ratio=(0.5, 0.5, 0.5))
input = torch.randn(20, 16, 50, 32, 16)
output = m(input)
