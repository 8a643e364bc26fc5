import torch
x = torch.tensor(3.0, requires_grad=True)
y = x * x
z = y.detach() * x
z
z.grad_fn
z.backward()
x.grad
