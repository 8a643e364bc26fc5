import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
for name, module in model.named_children():
    if name in ['conv4', 'conv5']:
        print(module)
