import torch
x = torch.tensor([[3.0, 1.0], [2.0, 4.0]], requires_grad=True)
v, i = x.max(-1)
v
i
m = torch.max(x, dim=0, keepdim=True)
m.values
(v.sum() + m.values.sum()).backward()
x.grad
