import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x * x).sum()
y
y.backward()
x.grad
x.grad == 2 * x
