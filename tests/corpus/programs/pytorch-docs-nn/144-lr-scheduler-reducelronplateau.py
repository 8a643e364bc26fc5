import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = ReduceLROnPlateau(optimizer, "min")
for epoch in range(10):
    train(...)
    val_loss = validate(...)
# Note that step should be called after validate()
    scheduler.step(val_loss)
