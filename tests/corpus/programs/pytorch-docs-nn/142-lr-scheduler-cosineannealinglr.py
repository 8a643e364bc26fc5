import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
num_epochs = 100
scheduler = CosineAnnealingLR(optimizer, T_max=num_epochs)
for epoch in range(num_epochs):
    train(...)
    validate(...)
    scheduler.step()
