import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
print(a)
a
print(repr(a))
print(str(a * 2))
s = str(a.shape)
s
print([a, a * 2])
[torch.tensor(1), torch.tensor(2.5)]
(torch.tensor(True), torch.float64)
{"w": torch.tensor(1.0)}
