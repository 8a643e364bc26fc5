import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
W = torch.tensor([[0.1, -0.2], [0.3, 0.5]], requires_grad=True)
b = torch.tensor([0.25, -0.5], requires_grad=True)
y = x @ W.t() + b
y
loss = (y ** 2).mean()
loss
loss.backward()
W.grad
b.grad
