import torch
import torch.nn.functional as F
logits = torch.tensor([[2.0, 1.0, 0.1]])
target = torch.tensor([3])
F.cross_entropy(logits, target)
