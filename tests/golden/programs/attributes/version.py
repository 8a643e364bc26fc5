import torch
a = torch.tensor([1.0, 2.0])
a.add_(1)
a
a += 1
a
a.mul_(2)
a -= 1
a
a.sub_(0.5)
a.zero_()
a.fill_(3.5)
a
