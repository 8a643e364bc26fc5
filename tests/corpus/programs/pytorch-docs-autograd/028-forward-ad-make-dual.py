import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("Undefined variables")
with dual_level():
    inp = make_dual(x, v)
    out = f(inp)
    y, jvp = unpack_dual(out)
