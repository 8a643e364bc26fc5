import torch
t = torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
t
t.shape
t.size()
t.size(0)
t.size(-1)
t.numel()
t.dim()
