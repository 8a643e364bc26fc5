import torch
import math
x = torch.tensor([math.pi / 6, math.pi / 3], requires_grad=True)
y = torch.sin(x) * math.e
y
y.sum().backward()
x.grad
round(math.sqrt(x.grad[0].item() ** 2), 4)
torch.exp(torch.tensor(math.log(2.0)))
