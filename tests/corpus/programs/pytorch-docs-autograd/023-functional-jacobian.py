import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_AUTOGRAD)
def exp_reducer(x):
    return x.exp().sum(dim=1)
inputs = torch.rand(2, 2)
# xdoctest: +IGNORE_WANT("non-deterministic")
jacobian(exp_reducer, inputs)
jacobian(exp_reducer, inputs, create_graph=True)
def exp_adder(x, y):
    return 2 * x.exp() + 3 * y
inputs = (torch.rand(2), torch.rand(2))
jacobian(exp_adder, inputs)
def linear_model(x):
    W = torch.tensor([[2.0, -1.0], [0.0, 1.0]])
    b = torch.tensor([1.0, 0.5])
    return x @ W.T + b
x = torch.randn(4, 2, requires_grad=True)
jac = jacobian(linear_model, x, vectorize=True)
jac.shape
