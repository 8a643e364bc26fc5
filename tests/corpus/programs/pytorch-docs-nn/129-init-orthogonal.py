import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_LAPACK)
w = torch.empty(3, 5)
nn.init.orthogonal_(w)
