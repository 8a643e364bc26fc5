import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
(x * x).sum().backward()
x.grad.requires_grad
x.grad.is_leaf
x.grad.grad_fn
print(x.grad.grad)
