import torch
from torch.autograd import Variable
x_tensor = torch.Tensor(3, 4).zero_()
x_tensor
x_variable = Variable(x_tensor)
x_variable
x_variable.data
print(x_variable.grad)
print(x_variable.requires_grad)
x_variable = Variable(x_tensor, requires_grad=True)
x_variable.requires_grad
y = x_variable * 2
print(y.grad_fn)
