import torch
torch.float32.is_floating_point
torch.int64.is_floating_point
torch.tensor([1.0]).dtype == torch.float32
torch.tensor([1.0]).dtype == torch.float
torch.float32 is torch.float
torch.tensor([1.0]).is_floating_point()
torch.tensor([1]).is_floating_point()
