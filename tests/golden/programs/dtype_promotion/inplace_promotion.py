import torch
f = torch.tensor([1.0, 2.0])
f.add_(1)
f.mul_(torch.tensor([2, 3]))
f.dtype
i = torch.tensor([1, 2])
i.add_(torch.tensor([True, False]))
i.dtype
