import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
# Assuming optimizer uses lr = 0.05 for all groups
# lr = 0.025   if epoch == 0
# lr = 0.025   if epoch == 1
# lr = 0.025   if epoch == 2
# lr = 0.025   if epoch == 3
# ...
# lr = 0.05    if epoch >= 40
scheduler = ConstantLR(optimizer, factor=0.5, total_iters=40)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
