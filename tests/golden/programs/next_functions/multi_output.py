import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
rows = [r for r in x]
rows[1].grad_fn.name()
y = rows[0] * rows[1]
[(fn.name(), idx) for fn, idx in y.grad_fn.next_functions]
r = x.max(dim=1)
r.values.grad_fn.next_functions[0][0].name()
