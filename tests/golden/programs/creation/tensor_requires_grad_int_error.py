import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
a
b = torch.tensor([1, 2], requires_grad=True)
