import torch
x = torch.tensor([[1.0, 2.0], [3.0, 5.0]], requires_grad=True)
m = x.mean()
m0 = x.mean(dim=0)
m1 = x.mean(1, keepdim=True)
m
m0
m1
m.grad_fn
m0.grad_fn
(m + m0.sum() + m1.sum()).backward()
x.grad
