import torch
x = torch.tensor([2.0, 5.0, 5.0, 1.0], requires_grad=True)
m = x.max()
m.backward()
x.grad
