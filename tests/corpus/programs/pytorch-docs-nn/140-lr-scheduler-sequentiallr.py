import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
# Assuming optimizer uses lr = 0.05 for all groups
# lr = 0.005     if epoch == 0
# lr = 0.005     if epoch == 1
# lr = 0.005     if epoch == 2
# ...
# lr = 0.05      if epoch == 20
# lr = 0.045     if epoch == 21
# lr = 0.0405    if epoch == 22
scheduler1 = ConstantLR(optimizer, factor=0.1, total_iters=20)
scheduler2 = ExponentialLR(optimizer, gamma=0.9)
scheduler = SequentialLR(
    optimizer,
    schedulers=[scheduler1, scheduler2],
    milestones=[20],
)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
