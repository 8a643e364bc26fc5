import torch
def show(t):
    print(t.grad)
    return t.is_leaf
x = torch.tensor(1.0, requires_grad=True)
show(x)
show(x + 1)
