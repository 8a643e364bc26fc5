import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
out = torch.zeros(2, 2)
out[0] = w * 3
out[1] = w
out
out.grad_fn
out.sum().backward()
w.grad
