import torch
x = torch.tensor(3.0, requires_grad=True)
a = x * 2
b = a + 1
b.backward()
x.grad
c = a * a
c.backward()
