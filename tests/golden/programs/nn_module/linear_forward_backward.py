import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)
x = torch.randn(4, 3)
y = layer(x)
y
y.grad_fn
y.grad_fn.next_functions
manual = x @ layer.weight.T + layer.bias
torch.equal(y, manual)
y.sum().backward()
layer.weight.grad
layer.bias.grad
v = layer(torch.tensor([1.0, 2.0, 3.0]))
v, v.grad_fn
