import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.w = nn.Parameter(torch.ones(2))
        self.register_buffer("running", torch.zeros(2))
        self.scale = 2.0
        self.seq = nn.Sequential(nn.Tanh(), nn.Linear(3, 2))

    def forward(self, x):
        return self.seq(self.fc1(x)) * self.w * self.scale


torch.manual_seed(0)
m = Net()
m
[n for n, _ in m.named_parameters()]
[n for n, _ in m.named_buffers()]
list(m.state_dict().keys())
m(torch.ones(1, 4))
m.scale, m.running, m.w
m.training, m.eval() is m, m.training, m.seq[0].training
m.train().seq[1].training
del m.w
hasattr(m, "w"), [n for n, _ in m.named_parameters()]
m.w = nn.Parameter(torch.zeros(1))
m.add_module("extra", nn.ReLU())
m.get_submodule("seq.1")
m.get_parameter("seq.1.bias")
m
