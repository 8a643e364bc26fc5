import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))
optimizer = optim.SGD(
    [{"params": net[0].parameters()}, {"params": net[2].parameters(), "lr": 0.01}],
    lr=0.1,
    momentum=0.9,
    nesterov=True,
    weight_decay=1e-3,
)
x = torch.randn(8, 4)
target = torch.zeros(8, 1)
for step in range(4):
    optimizer.zero_grad()
    loss = ((net(x) - target) ** 2).mean()
    loss.backward()
    optimizer.step()
print(loss)
net[0].bias
optimizer.state[net[2].bias]
[group["lr"] for group in optimizer.param_groups]
for group in optimizer.param_groups:
    group["lr"] = group["lr"] * 0.1
[group["lr"] for group in optimizer.param_groups]
optimizer.state_dict()["param_groups"][1]
