import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
v = torch.tensor([0.5, -1.0], requires_grad=True)
torch.matmul(a, a)
a.matmul(v)
torch.matmul(v, v)
torch.matmul(v, a).grad_fn
y = torch.matmul(a, v).sum()
y.backward()
a.grad
v.grad
