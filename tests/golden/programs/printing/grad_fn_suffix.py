import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
a
a * 2
a + 1
(a * 2).sum()
print(a * 3)
a.detach()
