import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_AUTOGRAD)
def pow_reducer(x):
    return x.pow(3).sum()
inputs = torch.rand(2, 2)
# xdoctest: +IGNORE_WANT("non-deterministic")
hessian(pow_reducer, inputs)
hessian(pow_reducer, inputs, create_graph=True)
def pow_adder_reducer(x, y):
    return (2 * x.pow(2) + 3 * y.pow(2)).sum()
inputs = (torch.rand(2), torch.rand(2))
hessian(pow_adder_reducer, inputs)
