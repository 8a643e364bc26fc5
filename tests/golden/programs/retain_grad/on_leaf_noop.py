import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.retain_grad()
x.retains_grad
x.is_leaf
(x * 2).sum().backward()
x.grad
