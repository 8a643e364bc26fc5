import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
for param in model.parameters():
    print(type(param), param.size())
