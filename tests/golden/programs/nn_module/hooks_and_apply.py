import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
shapes = []


def record_shape(module, inputs, output):
    shapes.append(tuple(output.shape))


handle = net[0].register_forward_hook(record_shape)
net(torch.ones(3, 2))
shapes
handle.remove()
net(torch.ones(3, 2)).shape
shapes


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)


net.apply(init_weights)
net[2].weight
net(torch.ones(1, 2))
