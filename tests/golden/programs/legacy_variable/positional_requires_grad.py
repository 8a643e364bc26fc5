import torch
from torch.autograd import Variable
v = Variable(torch.ones(2), True)
v
v.requires_grad
u = Variable(torch.ones(2), requires_grad=False)
u.requires_grad
