import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
calls = []
h = net.register_forward_hook(lambda mod, inp, out: calls.append(type(mod).__name__))
h2 = net[0].register_forward_pre_hook(lambda mod, inp: (inp[0] * 2,))
h3 = net[2].register_forward_hook(lambda mod, inp, out: out + 100)
net(torch.ones(1, 2))
calls
h.remove()
h2.remove()
h3.remove()
out = net(torch.ones(1, 2))
out, calls
net.zero_grad()
out.sum().backward()
net[0].bias.grad
net.zero_grad(set_to_none=False)
net[0].bias.grad
net.zero_grad()
net[0].bias.grad
net.double()
net[0].bias
net(torch.ones(1, 2, dtype=torch.float64)).dtype
net.float()[2].weight.dtype
net.to(torch.float64)[2].weight.dtype
try:
    net.to(torch.int64)
except TypeError as e:
    print(e)
nn.Linear(2, 2).requires_grad_(False).weight.requires_grad
nn.Identity(3, foo=1)(torch.tensor([1.0]))
lin = nn.Linear(3, 2)
p = lin.weight
lin.double()
p is lin.weight, p.dtype
