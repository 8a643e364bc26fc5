import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
# Assuming optimizer has two groups.
num_epochs = 100
lambda1 = lambda epoch: epoch // 30
lambda2 = lambda epoch: 0.95**epoch
scheduler = LambdaLR(optimizer, lr_lambda=[lambda1, lambda2])
for epoch in range(num_epochs):
    train(...)
    validate(...)
    scheduler.step()

# Alternatively, you can use a single lambda function for all groups.
scheduler = LambdaLR(opt, lr_lambda=lambda epoch: epoch // 30)
for epoch in range(num_epochs):
    train(...)
    validate(...)
    scheduler.step()
