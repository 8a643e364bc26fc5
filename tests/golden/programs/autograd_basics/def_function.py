import torch
def f(x, p=2):
    return (x ** p).sum()
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = f(x, p=3)
y
y.backward()
x.grad
