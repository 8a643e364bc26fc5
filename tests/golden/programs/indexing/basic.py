import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
x[0]
x[1, 2]
x[:, 1]
x[0][1]
x[-1]
x[0].grad_fn
x[1, 2].grad_fn
x[:, 1].grad_fn
