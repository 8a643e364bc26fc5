import torch
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b
y
y.backward()
w.grad
x.grad
b.grad
y.grad_fn
y.is_leaf
