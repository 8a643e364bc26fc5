from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(
    OrderedDict(
        [("fc1", nn.Linear(2, 3)), ("act", nn.ReLU()), ("fc2", nn.Linear(3, 1, bias=False))]
    )
)
net
[n for n, _ in net.named_parameters()]
[n for n, _ in net.named_modules()]
[type(m).__name__ for m in net.children()]
net.fc1.weight
net.state_dict()
net[0], net[-1], len(net), net[1:]
seen = []
net.apply(lambda mm: seen.append(type(mm).__name__))
seen
twice = nn.Sequential(net.fc1, net.fc1)
len(list(twice.parameters())), len(list(twice.modules()))
m2 = nn.Sequential(
    OrderedDict(
        [("fc1", nn.Linear(2, 3)), ("act", nn.ReLU()), ("fc2", nn.Linear(3, 1, bias=False))]
    )
)
m2.load_state_dict(net.state_dict())
torch.equal(m2.fc1.weight, net.fc1.weight)
sd = net.state_dict()
del sd["fc1.bias"]
sd["extra"] = torch.zeros(1)
m2.load_state_dict(sd, strict=False)
try:
    m2.load_state_dict(sd)
except RuntimeError as e:
    print(e)
bad = net.state_dict()
bad["fc2.weight"] = torch.zeros(2, 2)
try:
    m2.load_state_dict(bad)
except RuntimeError as e:
    print(e)
s = nn.Sequential(nn.Linear(1, 1), nn.Tanh())
s.append(nn.Sigmoid())
s.insert(0, nn.Identity())
del s[1]
s
(s + s)[3], len(s * 2)
