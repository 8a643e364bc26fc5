import torch
from torch.autograd import Variable
x_tensor = torch.Tensor([[1, 2], [3, 4]])
x_variable = Variable(x_tensor)
x_variable.data
print(x_variable.grad)
print(x_variable.requires_grad)
print(x_variable.grad_fn)
x_variable = Variable(x_tensor, requires_grad=True)
x_variable.requires_grad
x_variable.is_leaf
