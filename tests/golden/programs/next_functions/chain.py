import torch
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b
f = y.grad_fn
print(f.name())
for fn, idx in f.next_functions:
    print(fn.name(), idx)
mul = f.next_functions[0][0]
for fn, idx in mul.next_functions:
    print(fn.name(), idx, fn.variable)
