import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
y = (a * b).sum()
ga, gb = torch.autograd.grad(y, [a, b])
ga
gb
print(a.grad, b.grad)
