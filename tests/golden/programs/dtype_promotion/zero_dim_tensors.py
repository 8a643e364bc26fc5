import torch
f = torch.tensor([1.0, 2.0])
d0 = torch.tensor(2.0, dtype=torch.float64)
i = torch.tensor([1, 2])
f0 = torch.tensor(1.5)
(f * d0).dtype
(i * f0).dtype
(i * d0).dtype
f * d0
i * f0
