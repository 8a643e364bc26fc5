import torch
m = torch.ones(2, 3, requires_grad=True)
n = torch.ones(3, 2, requires_grad=True)
v = torch.ones(3, requires_grad=True)
(m @ n).grad_fn
(m @ v).grad_fn
(v @ v).grad_fn
(v @ n).grad_fn
torch.mm(m, n).grad_fn.name()
torch.mv(m, v).grad_fn.name()
torch.dot(v, v).grad_fn.name()
