import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
with torch.autograd.graph.region_activation_memory_budget(0.0):
    x = layer(x)  # recompute this region's activations in backward
