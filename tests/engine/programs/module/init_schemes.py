import math

import torch
import torch.nn as nn

torch.manual_seed(0)
w = torch.empty(3, 5)
nn.init.uniform_(w, -1, 1)
nn.init.normal_(w, 0, 0.5)
nn.init.constant_(w, 0.3)
nn.init.ones_(w)
nn.init.zeros_(w)
nn.init.eye_(w)
nn.init.xavier_uniform_(w)
nn.init.xavier_normal_(w, gain=nn.init.calculate_gain("relu"))
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
nn.init.trunc_normal_(w, std=0.02)
big = torch.empty(40, 50)
nn.init.trunc_normal_(big, mean=0.5, std=1.0, a=-0.5, b=1.0).sum().item()
[nn.init.calculate_gain(n) for n in ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]]
nn.init.calculate_gain("leaky_relu", 0.2)
conv_like = torch.empty(4, 2, 3, 3)
nn.init.kaiming_uniform_(conv_like).flatten()[:5]
for bad in [
    lambda: nn.init.xavier_uniform_(torch.empty(3)),
    lambda: nn.init.calculate_gain("foo"),
    lambda: nn.init.kaiming_uniform_(w, mode="fan"),
]:
    try:
        bad()
    except ValueError as e:
        print(e)
p = nn.Parameter(torch.empty(2, 2))
nn.init.normal_(p)
p.requires_grad, p.is_leaf, p.grad_fn
