import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 0.0, 1.5], requires_grad=True)
F.relu(x)
F.sigmoid(x)
F.tanh(x)
F.relu(x).grad_fn
F.sigmoid(x).grad_fn
F.tanh(x).grad_fn
(F.relu(x) + F.sigmoid(x) + F.tanh(x)).sum().backward()
x.grad
