import torch
w = torch.tensor(1.0, requires_grad=True)
(w * 2).backward()
g = w.grad
(w * 3).backward()
g
g is w.grad
