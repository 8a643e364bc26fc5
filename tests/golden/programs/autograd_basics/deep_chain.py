import torch
x = torch.tensor(1.0, requires_grad=True)
y = x
for i in range(2500):
    y = y * 1.0001 + 0.0001
y
y.backward()
x.grad
