import torch
x = torch.tensor(1.0, requires_grad=True)
y = x
for i in range(5):
    y = y * 2 + 1
y
y.backward()
x.grad
