import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([3.0, 2.0, 1.0])
a > b
a < b
a >= 2
a <= 2.0
a == b
a != b
(a > 1).dtype
(a > b).requires_grad
