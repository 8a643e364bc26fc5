import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.zero_()
y.grad_fn
z = x * 3
z.fill_(7.0)
z.grad_fn
(y + z).sum().backward()
x.grad
