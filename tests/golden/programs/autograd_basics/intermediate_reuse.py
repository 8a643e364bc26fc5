import torch
x = torch.tensor(3.0, requires_grad=True)
a = x * x
b = a + a
c = a * b
c.backward()
x.grad
