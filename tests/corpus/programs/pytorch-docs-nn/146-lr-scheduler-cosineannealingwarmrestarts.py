import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
    optimizer, T_0=20
)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
