import torch
x = torch.tensor([1.0], requires_grad=True)
y = x * 3
for i in range(2):
    print(i, y.grad)
x.grad
