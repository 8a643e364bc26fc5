import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
a + 2
a - 2
a * 2
a / 2
a ** 2
(a + 2).grad_fn
(a - 2).grad_fn
(a * 2).grad_fn
(a / 2).grad_fn
(a ** 2).grad_fn
((a + 2) * (a - 2) * (a / 2)).sum().backward()
a.grad
