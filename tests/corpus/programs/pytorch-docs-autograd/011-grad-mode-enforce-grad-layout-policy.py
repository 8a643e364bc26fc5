import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
import torch
p = torch.empty(2, 3, 4).permute(2, 0, 1).requires_grad_()
with torch.autograd.enforce_grad_layout_policy(False):
    (p * 2).sum().backward()
    # p.grad may now have the same strides as the incoming
    # gradient rather than being forced to match p's strides.
