import torch
x = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
i = torch.tensor([2, 0, 2])
y = x[i]
y
y.grad_fn
y.sum().backward()
x.grad
