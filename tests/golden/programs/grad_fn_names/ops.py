import torch
x = torch.ones(2, 3, requires_grad=True)
names = [
    x.sum().grad_fn.name(),
    x.sum(0).grad_fn.name(),
    x.mean().grad_fn.name(),
    x.mean(1).grad_fn.name(),
    x.max().grad_fn.name(),
    x.max(1)[0].grad_fn.name(),
    x.reshape(3, 2).grad_fn.name(),
    x.t().grad_fn.name(),
    x.T.grad_fn.name(),
    x[0].grad_fn.name(),
    x[:, 1:].grad_fn.name(),
    x.unsqueeze(0).grad_fn.name(),
    x.exp().grad_fn.name(),
    x.clone().grad_fn.name(),
    x.double().grad_fn.name(),
    torch.cat([x, x]).grad_fn.name(),
    torch.stack([x, x]).grad_fn.name(),
]
for n in names:
    print(n)
