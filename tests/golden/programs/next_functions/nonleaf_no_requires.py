import torch
x = torch.tensor(1.0)
y = x * 2
w = torch.tensor(3.0, requires_grad=True)
z = y * w
[(None if fn is None else fn.name(), idx) for fn, idx in z.grad_fn.next_functions]
z.grad_fn.next_functions[0][0] is None
