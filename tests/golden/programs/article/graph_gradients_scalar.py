import torch
from torch.autograd import Variable
w = Variable(torch.Tensor([1.0]), requires_grad=True)
x = Variable(torch.Tensor([2.0]), requires_grad=True)
b = Variable(torch.Tensor([3.0]), requires_grad=True)
y = w * x + b
print(y.grad_fn)
print(y.grad_fn.next_functions)
y.backward()
print("w.grad:", w.grad)
print("x.grad:", x.grad)
print("b.grad:", b.grad)
