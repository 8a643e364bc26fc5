import torch
from torch import nn
import torch.nn.functional as F
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
input = torch.tensor([[[[ 1.,  2.,  3.,  4.],
output, indices = pool(input)
unpool(output, indices)
# Now using output_size to resolve an ambiguous size for the inverse
input = torch.tensor([[[[ 1.,  2.,  3.,  4.,  5.],
output, indices = pool(input)
# This call will not work without specifying output_size
unpool(output, indices, output_size=input.size())
