import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([2.0, 0.5, 1.0], requires_grad=True)
a ** b
(a ** b).grad_fn
a.pow(2)
torch.pow(a, 3)
torch.pow(2, a)
(a ** b).sum().backward()
a.grad
b.grad
