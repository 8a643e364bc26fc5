import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
i = torch.tensor([3, 4])
y = x * i
y
y.dtype
y.sum().backward()
x.grad
