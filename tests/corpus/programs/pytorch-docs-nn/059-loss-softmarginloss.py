import torch
from torch import nn
import torch.nn.functional as F
loss = nn.SoftMarginLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).sign()
output = loss(input, target)
output.backward()
