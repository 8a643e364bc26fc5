import torch
from torch.autograd import Variable
w = Variable(torch.Tensor([1.0]), requires_grad=True)
x = Variable(torch.Tensor([2.0]), requires_grad=True)
b = Variable(torch.Tensor([3.0]), requires_grad=True)
y = w * x + b
y.backward(retain_graph=True)
w.grad
y.backward()
w.grad
x.grad
b.grad
