import torch
from torch import nn
import torch.nn.functional as F
# Example of target with class indices
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()

# Example of target with class probabilities
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
# xdoctest: +SKIP
# Example of target with incorrectly specified class probabilities
loss = nn.CrossEntropyLoss()
torch.manual_seed(283)
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
# Provided target class probabilities are not in range [0,1]
target
# Provided target class probabilities do not sum to 1
target.sum(axis=1)
# No error message and possible misleading loss value
loss(input, target).item()

# Example of target with correctly specified class probabilities
# Use .softmax() to ensure true probability distribution
target_new = target.softmax(dim=1)
# New target class probabilities all in range [0,1]
target_new
# New target class probabilities sum to 1
target_new.sum(axis=1)
loss(input, target_new).item()
