import torch
x = torch.ones(2, 3, 4, requires_grad=True)
f = x.flatten()
f.shape
f.grad_fn
x.flatten(1).shape
torch.flatten(x, 0, 1).shape
(f * 2).sum().backward()
x.grad.shape
x.grad[0, 0]
