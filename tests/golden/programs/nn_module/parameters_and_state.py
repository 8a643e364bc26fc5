import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
params = list(net.parameters())
len(params)
params[0].shape, params[1].shape
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
[name for name, m in net.named_modules()]
list(net.children())
sd = net.state_dict()
sd.keys()
sd["2.bias"]
net.parameters()
sum(p.numel() for p in net.parameters())
copy = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
copy.load_state_dict(sd)
torch.equal(copy[0].weight, net[0].weight)
net.requires_grad_(False)
net[0].weight.requires_grad
