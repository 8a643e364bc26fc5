import torch
x = torch.tensor(1.0, requires_grad=True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
    z = x * 2
y.requires_grad
z.requires_grad
y
z
