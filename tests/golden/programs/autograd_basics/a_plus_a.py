import torch
a = torch.tensor(1.5, requires_grad=True)
y = a + a
y
y.backward()
a.grad
