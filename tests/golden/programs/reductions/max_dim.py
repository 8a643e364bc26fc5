import torch
x = torch.tensor([[1.0, 5.0, 2.0], [7.0, 3.0, 7.0]], requires_grad=True)
r = x.max(dim=1)
r
r.values
r.indices
r[0]
values, indices = torch.max(x, 1)
values
indices
values.grad_fn
values.sum().backward()
x.grad
x.max(dim=0, keepdim=True)
