import torch
x = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
l = torch.log_softmax(x, dim=1)
l
l.grad_fn
l[0, 0].backward()
x.grad
x.log_softmax(dim=-1)
