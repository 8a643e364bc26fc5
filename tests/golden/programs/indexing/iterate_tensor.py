import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for row in x:
    row
total = torch.tensor(0.0)
for v in torch.tensor([1.0, 2.0, 3.0]):
    total = total + v
total
