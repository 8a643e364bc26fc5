import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
s = (a * a).sum()
s.item()
float(s)
a.tolist()
a.item()
