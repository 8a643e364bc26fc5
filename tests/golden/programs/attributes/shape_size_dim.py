import torch
t = torch.zeros(2, 3, 4)
t.shape
t.size()
t.size(1)
t.shape[0]
t.dim()
t.numel()
len(t)
t.shape == (2, 3, 4)
list(t.shape)
