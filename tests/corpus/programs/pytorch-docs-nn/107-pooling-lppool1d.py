import torch
from torch import nn
import torch.nn.functional as F
# power-2 pool of window of length 3, with stride 2.
m = nn.LPPool1d(2, 3, stride=2)
input = torch.randn(20, 16, 50)
output = m(input)
