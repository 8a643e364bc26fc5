import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([0.5, 0.25])
loss = (torch.tanh(w * x) ** 2).sum()
(gw,) = torch.autograd.grad(loss, w, create_graph=True)
gw
penalty = (gw ** 2).sum()
penalty.backward()
w.grad
