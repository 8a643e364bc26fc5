import torch
torch.tensor([[-1.0, 2.0], [3.0, -4.0]])
torch.tensor([-0.5, 10.25, -100.125])
torch.tensor([[-1, 2], [300, -4000]])
torch.tensor([1.0, -1e-5])
