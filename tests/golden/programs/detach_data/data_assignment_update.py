import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward()
w.data = w.data - 0.5 * w.grad
w
w.grad
w.is_leaf
w.requires_grad
