import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
x[-1, -2]
x[1:, :2]
x[:, -1]
y = x[1:, :2].sum() + x[0, 0] * 5
y.backward()
x.grad
