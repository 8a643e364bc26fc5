import torch
a = torch.tensor([1.0, 2.0])
a.requires_grad
a.requires_grad = True
a.requires_grad
a
a.requires_grad = False
a
b = torch.ones(2)
b.requires_grad_()
b.requires_grad
b.requires_grad_(False)
b.requires_grad
