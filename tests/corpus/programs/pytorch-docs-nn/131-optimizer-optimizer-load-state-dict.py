import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
optimizer = ...  # initialized optimizer matching the saved state
scheduler1 = torch.optim.lr_scheduler.LinearLR(
    optimizer,
    start_factor=0.1,
    end_factor=1,
    total_iters=20,
)
scheduler2 = torch.optim.lr_scheduler.CosineAnnealingLR(
    optimizer,
    T_max=80,
    eta_min=3e-5,
)
lr = torch.optim.lr_scheduler.SequentialLR(
    optimizer,
    schedulers=[scheduler1, scheduler2],
    milestones=[20],
)
lr.load_state_dict(torch.load("./save_seq.pt"))
# now load the optimizer checkpoint after loading the LRScheduler
optimizer.load_state_dict(torch.load("./save_optim.pt"))
