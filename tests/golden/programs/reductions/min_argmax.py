import torch
x = torch.tensor([[1.0, 5.0, 2.0], [7.0, 3.0, 0.0]])
x.min()
x.min(dim=1)
x.argmax()
x.argmax(dim=1)
x.argmin(dim=0)
