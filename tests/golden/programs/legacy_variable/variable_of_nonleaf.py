import torch
from torch.autograd import Variable
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
v = Variable(b)
v
v.requires_grad
v.is_leaf
