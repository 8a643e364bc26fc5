import torch
i = torch.tensor([1, 2, 3])
torch.exp(i)
torch.sqrt(i)
torch.sin(i).dtype
torch.relu(torch.tensor([-1, 2]))
torch.abs(torch.tensor([-1, 2]))
