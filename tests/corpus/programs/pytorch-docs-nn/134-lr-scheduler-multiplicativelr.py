import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
lmbda = lambda epoch: 0.95
scheduler = MultiplicativeLR(optimizer, lr_lambda=lmbda)
for epoch in range(100):
    train(...)
    validate(...)
    scheduler.step()
