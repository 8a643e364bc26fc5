import torch
from torch import nn
import torch.nn.functional as F
rms_norm = nn.RMSNorm([2, 3])
input = torch.randn(2, 2, 3)
rms_norm(input)
