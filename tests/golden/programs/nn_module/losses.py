import torch
import torch.nn as nn

pred = torch.tensor([[0.5, 1.5], [2.0, -1.0]], requires_grad=True)
target = torch.tensor([[1.0, 1.0], [1.0, 0.0]])
loss_fn = nn.MSELoss()
loss_fn
loss = loss_fn(pred, target)
loss
loss.backward()
pred.grad
nn.MSELoss(reduction="sum")(pred, target)
nn.MSELoss(reduction="none")(pred, target)
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], requires_grad=True)
labels = torch.tensor([0, 2])
ce = nn.CrossEntropyLoss()
ce(logits, labels)
nn.NLLLoss()(torch.log_softmax(logits, dim=1), labels)
nn.LogSoftmax(dim=1)(logits)
nn.Softmax(dim=0)(torch.tensor([1.0, 2.0, 3.0]))
