import torch
from torch.autograd import Variable
x = Variable(torch.Tensor([2.0]), requires_grad=True)
y = Variable(torch.Tensor([3.0]))
z = x ** 2 * y
z
z.grad_fn
z.backward()
x.grad
print(y.grad)
x.grad.data.zero_()
x.grad
