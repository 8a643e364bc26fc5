import torch
x = torch.tensor(0.5, requires_grad=True)
y = torch.sin(x) * torch.exp(x)
z = y ** 2
z.backward()
x.grad
y.requires_grad
z.grad_fn
