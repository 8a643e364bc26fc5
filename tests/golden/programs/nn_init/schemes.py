import math
import torch
import torch.nn as nn

torch.manual_seed(0)
w = torch.empty(2, 3)
nn.init.uniform_(w, a=-0.1, b=0.1)
nn.init.normal_(w, mean=0.0, std=0.01)
nn.init.xavier_uniform_(w)
nn.init.xavier_normal_(w)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
nn.init.kaiming_normal_(w, nonlinearity="relu")
nn.init.constant_(w, 0.25)
nn.init.ones_(w)
nn.init.zeros_(w)
nn.init.eye_(w)
nn.init.calculate_gain("tanh")
layer = nn.Linear(3, 2)
nn.init.xavier_uniform_(layer.weight)
layer.weight
