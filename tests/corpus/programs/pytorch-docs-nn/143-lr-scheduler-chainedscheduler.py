import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
# Assuming optimizer uses lr = 0.05 for all groups
# lr = 0.05      if epoch == 0
# lr = 0.0450    if epoch == 1
# lr = 0.0405    if epoch == 2
# ...
# lr = 0.00675   if epoch == 19
# lr = 0.06078   if epoch == 20
# lr = 0.05470   if epoch == 21
scheduler1 = ConstantLR(optimizer, factor=0.1, total_iters=20)
scheduler2 = ExponentialLR(optimizer, gamma=0.9)
scheduler = ChainedScheduler([scheduler1, scheduler2], optimizer=optimizer)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
