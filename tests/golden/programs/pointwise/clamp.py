import torch
x = torch.tensor([-2.0, -0.5, 0.5, 2.0], requires_grad=True)
y = x.clamp(-1, 1)
y
y.grad_fn
y.sum().backward()
x.grad
torch.clamp(x, min=0)
torch.clamp(x, max=0.0)
x.clamp(min=-1.0).grad_fn
