import torch
a = torch.tensor([1.5, 2.5], requires_grad=True)
b = a.double()
b
b.grad_fn
b.is_leaf
c = a.float()
c is a
a.long()
torch.tensor([1, 2]).float().type()
