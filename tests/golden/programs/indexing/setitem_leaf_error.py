import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a[0] = 10.0
