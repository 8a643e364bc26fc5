import torch
a = torch.tensor(2.0, requires_grad=True)
y = a * a
f0 = y.grad_fn.next_functions[0][0]
f1 = y.grad_fn.next_functions[1][0]
f0 is f1
f0.name()
[idx for fn, idx in y.grad_fn.next_functions]
