import torch
x = torch.tensor([1000.0, 1001.0, 1002.0], requires_grad=True)
s = torch.softmax(x, dim=0)
s
torch.log_softmax(x, dim=0)
s[2].backward()
x.grad
