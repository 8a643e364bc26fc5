import torch
a = torch.tensor([1.0, 2.0])
(a * torch.tensor(2.0, dtype=torch.float64)).dtype
(a * 1e300).dtype
a * 1e300
(torch.tensor(1) * 1e300).dtype
