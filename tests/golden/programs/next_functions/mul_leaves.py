import torch
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0)
y = w * x
y.grad_fn.next_functions
len(y.grad_fn.next_functions)
y.grad_fn.next_functions[0][0]
y.grad_fn.next_functions[0][0].name()
y.grad_fn.next_functions[1]
y.grad_fn.next_functions[0][0].variable is w
y.grad_fn.next_functions[0][0].variable
