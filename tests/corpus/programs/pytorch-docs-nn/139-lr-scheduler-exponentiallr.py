import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
scheduler = ExponentialLR(optimizer, gamma=0.95)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
