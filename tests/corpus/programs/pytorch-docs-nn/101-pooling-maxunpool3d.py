import torch
from torch import nn
import torch.nn.functional as F
# pool of square window of size=3, stride=2
pool = nn.MaxPool3d(3, stride=2, return_indices=True)
unpool = nn.MaxUnpool3d(3, stride=2)
output, indices = pool(torch.randn(20, 16, 51, 33, 15))
unpooled_output = unpool(output, indices)
unpooled_output.size()
