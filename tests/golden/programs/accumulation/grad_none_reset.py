import torch
w = torch.tensor(2.0, requires_grad=True)
(w * 5).backward()
w.grad
w.grad = None
(w * 7).backward()
w.grad
(w * 7).backward()
w.grad
