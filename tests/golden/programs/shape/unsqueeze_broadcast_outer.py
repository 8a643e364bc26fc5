import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([10.0, 20.0], requires_grad=True)
outer = a.unsqueeze(1) * b.unsqueeze(0)
outer
outer.sum().backward()
a.grad
b.grad
