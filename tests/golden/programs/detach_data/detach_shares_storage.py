import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
d = a.detach()
d.zero_()
a
d
d.requires_grad
