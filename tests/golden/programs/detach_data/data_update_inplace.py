import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w ** 3).sum().backward()
w.data.sub_(0.1 * w.grad)
w
w.grad.zero_()
w.grad
