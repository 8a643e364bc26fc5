import torch
x = torch.tensor(1.0, requires_grad=True)
print(x.grad)
y = x * 2
y.retain_grad()
print(y.grad)
z = torch.tensor(2.0) * 3
print(z.grad)
