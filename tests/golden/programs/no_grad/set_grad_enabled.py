import torch
x = torch.tensor(1.0, requires_grad=True)
with torch.set_grad_enabled(False):
    a = x * 2
with torch.set_grad_enabled(True):
    b = x * 2
a.requires_grad
b.requires_grad
torch.set_grad_enabled(False)
c = x * 2
c.requires_grad
torch.is_grad_enabled()
torch.set_grad_enabled(True)
torch.is_grad_enabled()
