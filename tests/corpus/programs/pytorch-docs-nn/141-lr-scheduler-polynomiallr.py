import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
# Assuming optimizer uses lr = 0.05 for all groups
# lr = 0.0490   if epoch == 0
# lr = 0.0481   if epoch == 1
# lr = 0.0472   if epoch == 2
# ...
# lr = 0.0      if epoch >= 50
scheduler = PolynomialLR(optimizer, total_iters=50, power=0.9)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
