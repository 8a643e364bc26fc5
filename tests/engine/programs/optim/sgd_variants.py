import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
x = torch.randn(16, 32)
y = torch.randn(16, 1)
for kw in [
    dict(lr=0.1),
    dict(lr=0.05, momentum=0.9),
    dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-2),
    dict(lr=0.01, momentum=0.5, dampening=0.1, maximize=True),
]:
    opt = optim.SGD(model.parameters(), **kw)
    for i in range(5):
        opt.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        opt.step()
    print(loss.item())
    print(model[0].bias[:5].tolist(), model[2].weight[0, :3].tolist())
opt
opt.state_dict()["param_groups"]
list(opt.state_dict()["state"].keys()), list(opt.state_dict()["state"][0].keys())
opt.state[model[2].bias]
