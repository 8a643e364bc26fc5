import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
net
len(net)
net[0]
net[-1]
net[1:3]
for layer in net:
    print(layer)
out = net(torch.tensor([[0.5, -1.0], [2.0, 0.0]]))
out
out.grad_fn
net.append(nn.Tanh())
