import torch
x = torch.arange(10.0, requires_grad=True)
x[2:5]
x[::2]
x[-3:]
x[:0]
y = x[1:4] * 2
y.sum().backward()
x.grad
