import torch
a = torch.tensor([0.1, 0.2], dtype=torch.float64)
a.tolist()
(a[0] + a[1]).item()
b = torch.tensor([0.1, 0.2])
(b[0] + b[1]).item()
torch.tensor(1 / 3).item()
