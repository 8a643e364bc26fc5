import torch
f = torch.tensor([1.0, 2.0])
d = torch.tensor([1.0, 2.0], dtype=torch.float64)
i = torch.tensor([1, 2])
b = torch.tensor([True, False])
(f + d).dtype
(f + i).dtype
(i + b).dtype
(b + b).dtype
(f * b).dtype
(d * i).dtype
f + d
i + b
