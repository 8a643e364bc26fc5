import torch
from torch.autograd import Variable
x = Variable(torch.Tensor([[1, 2], [3, 4]]), requires_grad=True)
y = x.mean()
y.backward()
x.grad
x.grad.data
x.data
isinstance(x.grad, Variable)
