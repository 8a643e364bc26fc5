import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 1
b[0] = 10.0
b
b.grad_fn
b.sum().backward()
a.grad
