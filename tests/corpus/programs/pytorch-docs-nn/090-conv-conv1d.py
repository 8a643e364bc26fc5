import torch
from torch import nn
import torch.nn.functional as F
m = nn.Conv1d(16, 33, 3, stride=2)
input = torch.randn(20, 16, 50)
output = m(input)
