import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
y = a.sigmoid()
y.detach().zero_()
y
y.sum().backward()
