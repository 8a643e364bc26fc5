import torch
from torch.autograd import Variable
t = torch.Tensor([1, 2, 3])
v = Variable(t)
v
type(v)
v.requires_grad
isinstance(v, Variable)
isinstance(t, Variable)
isinstance(v, torch.Tensor)
