import torch
from torch import nn
import torch.nn.functional as F
torch.manual_seed(283)
# Example of target with class indices
loss = nn.LinearCrossEntropyLoss(5, 10, out_features=(4, 3))
input = torch.randn(2, 5, requires_grad=True)
target = torch.randint(0, 10, (2, 4, 3))
output = loss(input, target)
output.backward()

# Example of target with class probabilities
input = torch.randn(2, 5, requires_grad=True)
target = torch.randn(2, 10, 4, 3).softmax(dim=1)
output = loss(input, target)
output.backward()
