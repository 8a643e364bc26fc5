import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0]], requires_grad=True)
target = torch.tensor([1.0])
F.cross_entropy(logits, target)
