import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
s = torch.tensor(2.0)
x * s
x / s
s - x
s ** x
x ** s
(s - x).grad_fn
(x ** s).grad_fn
