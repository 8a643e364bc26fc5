import torch
from torch.autograd import Variable
a = Variable(torch.FloatTensor([1, 2, 3]), requires_grad=True)
b = Variable(torch.FloatTensor([4, 5, 6]))
c = a * b
c
c.grad_fn
c.sum().backward()
a.grad
print(b.grad)
isinstance(c, Variable)
type(c)
