import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
s = F.softmax(x, dim=1)
s
s.grad_fn
s.sum(dim=1)
torch.softmax(x, dim=0)
x.softmax(-1)
(s * torch.tensor([1.0, 0.0, 0.0])).sum().backward()
x.grad
