import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
f = (a + 5).grad_fn
f.next_functions
g = (a * 5).grad_fn
g.next_functions
h = (a ** 2).grad_fn
h.next_functions
len((a.sum()).grad_fn.next_functions)
