import torch
from torch.autograd import Variable
x_variable = Variable(torch.Tensor([[1, 2], [3, 4]]), requires_grad=True)
y = x_variable * 2
y
y.grad_fn
y.grad_fn.name()
y.grad_fn.next_functions
y.requires_grad
y.is_leaf
