import torch
torch.tensor([float('inf'), 1.0])
torch.tensor([float('nan'), 2.0])
torch.tensor([float('-inf'), float('inf'), float('nan')])
torch.tensor(float('nan'))
torch.tensor([0.0, -0.0])
torch.tensor([1e-20, 1.0])
