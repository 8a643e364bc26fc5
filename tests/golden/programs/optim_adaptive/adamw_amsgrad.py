import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
w = torch.randn(3, 2, requires_grad=True)
x = torch.randn(5, 3)
for optimizer in [
    optim.AdamW([w], lr=0.05),
    optim.Adam([w], lr=0.05, weight_decay=0.1, amsgrad=True),
    optim.Adam([w], lr=0.05, betas=(0.5, 0.6), maximize=True),
]:
    for step in range(3):
        optimizer.zero_grad()
        loss = (x @ w).pow(2).mean()
        loss.backward()
        optimizer.step()
    print(loss.item())
    print(w)
