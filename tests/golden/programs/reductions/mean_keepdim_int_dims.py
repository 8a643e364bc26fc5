import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
x.mean(dim=(0, 2))
x.sum(dim=(1, 2), keepdim=True).shape
x.mean(-1).shape
x.max(dim=-1).values
x.mean(dim=(0, 2)).sum().backward()
x.grad[0]
