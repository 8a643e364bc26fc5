import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    y = x * 2
    y
    y.requires_grad
    torch.is_grad_enabled()
y.grad_fn
torch.is_grad_enabled()
z = x * 2
z.requires_grad
