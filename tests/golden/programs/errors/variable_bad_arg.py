import torch
from torch.autograd import Variable
Variable([1.0, 2.0])
