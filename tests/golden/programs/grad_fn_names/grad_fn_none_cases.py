import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
print(a.grad_fn)
print(torch.ones(2).grad_fn)
with torch.no_grad():
    print((a * 2).grad_fn)
print(a.detach().grad_fn)
print((a * 2).grad_fn is None)
