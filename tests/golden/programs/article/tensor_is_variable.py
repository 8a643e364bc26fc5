import torch
from torch.autograd import Variable
t = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
isinstance(t, Variable)
v = Variable(t)
v is t
type(v)
v.requires_grad
v.grad_fn
