import torch
from torch import nn
import torch.nn.functional as F
w = torch.empty(3, 5)
nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
