import torch
from torch import nn
import torch.nn.functional as F
gain = nn.init.calculate_gain(
    "leaky_relu", 0.2
)  # leaky_relu with negative_slope=0.2
