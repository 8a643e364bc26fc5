import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
s = x.sum()
s
s.grad_fn
s.backward()
x.grad
torch.sum(x)
