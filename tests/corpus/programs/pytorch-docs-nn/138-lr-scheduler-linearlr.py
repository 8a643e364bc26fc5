import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
# Assuming optimizer uses lr = 0.05 for all groups
# lr = 0.003687  if epoch == 0
# lr = 0.004875  if epoch == 1
# lr = 0.006062  if epoch == 2
# lr = 0.00725   if epoch == 3
# ...
# lr = 0.05      if epoch >= 40
scheduler = LinearLR(optimizer, start_factor=0.05, total_iters=40)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
