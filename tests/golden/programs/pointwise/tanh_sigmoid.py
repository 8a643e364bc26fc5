import torch
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
t = torch.tanh(x)
s = x.sigmoid()
t
s
t.grad_fn
s.grad_fn
(t + s).sum().backward()
x.grad
