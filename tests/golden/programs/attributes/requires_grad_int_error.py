import torch
a = torch.tensor([1, 2])
a.requires_grad
a.requires_grad_()
