import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Net(nn.Module):
    """Two layers, as every course writes them."""

    hidden = 4

    def __init__(self, n_in, n_out):
        super().__init__()
        self.fc1 = nn.Linear(n_in, Net.hidden)
        self.fc2 = nn.Linear(self.hidden, n_out)
        self.scale = 2.0

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale

    def act(self, x):
        return F.relu(x)


net = Net(3, 2)
net
print(net)
y = net(torch.ones(2, 3))
y
print([name for name, p in net.named_parameters()])
print(list(net.state_dict().keys()))
print(isinstance(net, nn.Module), isinstance(net, Net), type(net), Net)
y.sum().backward()
print(net.fc1.weight.grad)
print(net.fc2.bias.grad)
print(len(list(net.children())), net.scale, net.training)
net.eval()
print(net.training)
