import torch
from torch.autograd import Variable
v = Variable(torch.ones(2), volatile=False)
v
w = Variable(torch.ones(2), requires_grad=True, volatile=True)
