import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
d = a.data
d
d.requires_grad
d.is_leaf
d[0] = 10.0
a
y = a * 2
y.data
y.data.grad_fn
a.data = torch.tensor([5.0, 6.0])
a
