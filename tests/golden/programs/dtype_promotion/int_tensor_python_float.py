import torch
a = torch.tensor([1, 2, 3])
a * 2.5
(a * 2.5).dtype
a + 1
(a + 1).dtype
a / 2
(a / 2).dtype
a ** 2
(a ** 0.5).dtype
