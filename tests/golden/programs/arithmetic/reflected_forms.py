import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
2 + a
2 - a
2 * a
2 / a
2 ** a
(2 + a).grad_fn
(2 - a).grad_fn
(2 * a).grad_fn
(2 / a).grad_fn
(2 ** a).grad_fn
(2 - a).sum().backward()
a.grad
