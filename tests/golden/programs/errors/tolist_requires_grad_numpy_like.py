import torch
a = torch.tensor([[1.5, 2.5]], requires_grad=True)
a.tolist()
(a * 2).tolist()
int(torch.tensor(3.7))
float(torch.tensor([2]))
bool(torch.tensor(0.0))
bool(torch.tensor([1.0, 2.0]))
