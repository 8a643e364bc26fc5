import torch
a = torch.tensor([0.1, 0.2], dtype=torch.float64, requires_grad=True)
y = (a * a * 3 + a / 7).sum()
y
y.backward()
a.grad
