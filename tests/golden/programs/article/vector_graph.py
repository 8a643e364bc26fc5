import torch
from torch.autograd import Variable
x = Variable(torch.Tensor([1, 2, 3]), requires_grad=True)
y = x * 2
while (y.data ** 2).sum().sqrt() < 100:
    y = y * 2
y
gradients = torch.FloatTensor([0.1, 1.0, 0.0001])
y.backward(gradients)
x.grad
