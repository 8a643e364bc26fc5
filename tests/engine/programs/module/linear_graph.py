import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
lin = nn.Linear(3, 2)
lin
lin.weight
lin.bias
for shape in [(3,), (4, 3), (2, 4, 3)]:
    x = torch.randn(*shape, requires_grad=True)
    y = lin(x)
    print(y)
    print(y.grad_fn, [type(n).__name__ for n, _ in y.grad_fn.next_functions if n is not None])
    y.sum().backward()
    print(x.grad)
nobias = nn.Linear(3, 2, bias=False)
nobias(torch.randn(4, 3)).grad_fn
nobias(torch.randn(3)).grad_fn
F.linear(torch.randn(2, 3), lin.weight).grad_fn
xt = torch.randn(3, 4).t()
lin(xt).grad_fn
torch.addmm(torch.zeros(2), torch.ones(2, 3), torch.ones(3, 2), beta=0.5, alpha=2)
big = nn.Linear(784, 128)
out = big(torch.randn(64, 784))
out.sum().item(), out[0, :4]
out.sum().backward()
big.weight.grad.sum().item(), big.bias.grad[:4]
try:
    lin(torch.randn(4, 5))
except RuntimeError as e:
    print(e)
