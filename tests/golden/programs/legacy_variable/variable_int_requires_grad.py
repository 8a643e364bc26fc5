import torch
from torch.autograd import Variable
v = Variable(torch.LongTensor([1, 2]))
v
v = Variable(torch.LongTensor([1, 2]), requires_grad=True)
