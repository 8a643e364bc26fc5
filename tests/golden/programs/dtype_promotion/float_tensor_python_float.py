import torch
a = torch.tensor([1.0, 2.0])
(a * 2.5).dtype
(a + 1).dtype
(a / 3).dtype
a * 2.5
a + 1
(2.5 * a).dtype
