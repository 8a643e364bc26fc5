import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
d = torch.dot(a, b)
d
d.grad_fn
(a @ b).grad_fn
a.dot(b)
d.backward()
a.grad
b.grad
