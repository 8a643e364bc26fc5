import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w ** 2).sum()
loss.backward()
with torch.no_grad():
    w.sub_(0.1 * w.grad)
w
loss = (w ** 2).sum()
loss.backward()
w.grad
