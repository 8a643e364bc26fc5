import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
net.training, net[0].training
net.eval()
net.training, net[0].training
net.train()
net[1].training
out = net(torch.ones(1, 2)).sum()
out.backward()
net[0].weight.grad
out2 = net(torch.ones(1, 2)).sum()
out2.backward()
net[0].weight.grad
net.zero_grad()
net[0].weight.grad
