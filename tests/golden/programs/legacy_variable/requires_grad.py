import torch
from torch.autograd import Variable
v = Variable(torch.ones(2, 2), requires_grad=True)
v
y = (v * 3).sum()
y
y.backward()
v.grad
v.data
v.grad_fn
