import torch
s = torch.zeros(2, 3, 4).shape
s
len(s)
s[1]
s[-1]
s[1:]
tuple(s)
s == torch.Size([2, 3, 4])
s.numel()
type(s)
isinstance(s, tuple)
for d in s:
    d
