import torch
torch.tensor([[1.0, 2.0], [3.0, 4.0]])
torch.tensor([[1.5, -20.0], [300.25, 4.0]])
torch.tensor([[0.001, 0.01], [0.1, 1.0]])
torch.zeros(3, 4)
torch.ones(2, 3, 2)
print(torch.eye(3))
