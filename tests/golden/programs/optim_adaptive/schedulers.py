import torch
import torch.optim as optim
from torch.optim import lr_scheduler

w = torch.zeros(2, requires_grad=True)
optimizer = optim.SGD([w], lr=1.0)
scheduler = lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
for epoch in range(6):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), optimizer.param_groups[0]["lr"])
scheduler.last_epoch, scheduler.base_lrs
optimizer = optim.SGD([w], lr=0.1)
scheduler = lr_scheduler.MultiStepLR(optimizer, milestones=[2, 4], gamma=0.1)
for epoch in range(5):
    optimizer.step()
    scheduler.step()
print(scheduler.get_last_lr())
optimizer = optim.SGD([w], lr=0.1)
scheduler = lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
scheduler.step()
scheduler.get_last_lr()
