import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
b.detach_()
b
b.requires_grad
b.is_leaf
b.grad_fn
