import torch
x = torch.tensor(1.5, requires_grad=True)
y = torch.sin(x) * x
y.backward(create_graph=True)
x.grad
x.grad.requires_grad
g = x.grad
x.grad = None
g.backward()
x.grad
