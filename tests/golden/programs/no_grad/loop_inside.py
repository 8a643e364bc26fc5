import torch
x = torch.tensor(1.0, requires_grad=True)
with torch.no_grad():
    for i in range(3):
        x * i
        torch.is_grad_enabled()
x * 3
