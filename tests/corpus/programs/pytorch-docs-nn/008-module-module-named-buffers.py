import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
for name, buf in self.named_buffers():
    if name in ['running_var']:
        print(buf.size())
