import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
optimizer.zero_grad()
loss_fn(model(input), target).backward()
optimizer.step()
