import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
labels = torch.tensor([0, 1, 1])
W = torch.tensor([[0.5, -0.5], [0.25, 0.75]], requires_grad=True)
logits = x @ W
probs = F.softmax(logits, dim=1)
probs
loss = F.cross_entropy(logits, labels)
loss
loss.backward()
W.grad
probs.argmax(dim=1)
