import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
a
a.requires_grad
a.is_leaf
a.grad_fn
print(a.grad)
b = torch.tensor(3.0, requires_grad=True, dtype=torch.float64)
b
