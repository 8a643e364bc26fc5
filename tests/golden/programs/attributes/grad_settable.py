import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
print(a.grad)
a.grad = torch.tensor([0.5, 0.5])
a.grad
a.sum().backward()
a.grad
a.grad = None
print(a.grad)
a.sum().backward()
a.grad
