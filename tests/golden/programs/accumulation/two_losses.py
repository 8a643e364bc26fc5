import torch
w = torch.tensor(2.0, requires_grad=True)
loss1 = w * 3
loss2 = w ** 2
loss1.backward()
w.grad
loss2.backward()
w.grad
(loss1 + loss2).grad_fn
