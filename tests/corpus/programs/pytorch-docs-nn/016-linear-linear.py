import torch
from torch import nn
import torch.nn.functional as F
m = nn.Linear(20, 30)
input = torch.randn(128, 20)
output = m(input)
print(output.size())
