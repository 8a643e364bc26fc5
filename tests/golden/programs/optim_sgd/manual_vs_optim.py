import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
x = torch.tensor([1.0, 2.0, 3.0])
loss = (w * x).sum() ** 2
loss.backward()
w.grad
with torch.no_grad():
    manual = w - 0.01 * w.grad
optimizer = optim.SGD([w], lr=0.01)
optimizer.step()
w
torch.equal(w, manual)
optimizer.zero_grad()
w.grad
