import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
for buf in model.buffers():
    print(type(buf), buf.size())
