import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("Undefined variables")
x = torch.tensor([1])
x_t = torch.tensor([1])
with dual_level():
    inp = make_dual(x, x_t)
    # Do computations with inp
    out = your_fn(inp)
    _, grad = unpack_dual(out)
grad is None
# After exiting the level, the grad is deleted
_, grad_after = unpack_dual(out)
grad is None
