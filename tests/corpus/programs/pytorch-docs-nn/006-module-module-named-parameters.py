import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
for name, param in self.named_parameters():
    if name in ['bias']:
        print(param.size())
