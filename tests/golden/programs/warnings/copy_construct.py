import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor(a)
b
b.requires_grad
