import torch
x = torch.tensor([1.0, 2.0])
w = torch.tensor([3.0, 4.0], requires_grad=True)
y = (x * w).sum()
y.backward()
w.grad
print(x.grad)
x.requires_grad
