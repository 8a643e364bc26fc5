import torch
x = torch.tensor([[1.0], [2.0]], requires_grad=True)
s = x.squeeze()
s
s.grad_fn
s1 = x.squeeze(1)
s1.grad_fn
u = s.unsqueeze(0)
u
u.grad_fn
torch.unsqueeze(s, -1).shape
x.squeeze(0).shape
(u * torch.tensor([[3.0, 4.0]])).sum().backward()
x.grad
