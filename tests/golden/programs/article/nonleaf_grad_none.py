import torch
from torch.autograd import Variable
w = Variable(torch.Tensor([1.0]), requires_grad=True)
x = Variable(torch.Tensor([2.0]), requires_grad=True)
b = Variable(torch.Tensor([3.0]), requires_grad=True)
wx = w * x
y = wx + b
y.backward()
print(wx.grad)
print(w.grad, x.grad, b.grad)
