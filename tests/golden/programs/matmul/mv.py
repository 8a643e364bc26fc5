import torch
m = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
v = torch.tensor([1.0, -1.0], requires_grad=True)
y = torch.mv(m, v)
y
y.grad_fn
(m @ v).grad_fn
m.mv(v)
y.sum().backward()
m.grad
v.grad
