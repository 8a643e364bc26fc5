import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
b.requires_grad
b.requires_grad = True
