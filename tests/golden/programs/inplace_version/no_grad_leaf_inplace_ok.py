import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    w.add_(1)
    w.mul_(2)
    w -= 1
w
w.is_leaf
w.grad_fn
(w * 2).sum().backward()
w.grad
