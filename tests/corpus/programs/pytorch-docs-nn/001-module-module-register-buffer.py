import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
self.register_buffer('running_mean', torch.zeros(num_features))
