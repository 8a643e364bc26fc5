import torch
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = torch.exp(x)
y
z = torch.log(x)
z
y.grad_fn
z.grad_fn
(y + z).sum().backward()
x.grad
