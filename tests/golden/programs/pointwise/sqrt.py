import torch
x = torch.tensor([1.0, 4.0, 9.0], requires_grad=True)
y = x.sqrt()
y
y.grad_fn
y.sum().backward()
x.grad
torch.sqrt(torch.tensor([2.0, -1.0]))
