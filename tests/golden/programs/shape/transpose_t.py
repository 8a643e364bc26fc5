import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
x.t()
x.T
x.transpose(0, 1)
x.t().grad_fn
x.T.grad_fn
x.transpose(0, 1).grad_fn
torch.t(x).shape
(x.t() * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
x.grad
