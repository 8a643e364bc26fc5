import torch
from torch.autograd import Variable
x = Variable(torch.tensor([1.0, 2.0]), volatile=True)
x
x.requires_grad
