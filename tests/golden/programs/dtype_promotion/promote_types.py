import torch
torch.promote_types(torch.float32, torch.float64)
torch.promote_types(torch.int64, torch.float32)
torch.promote_types(torch.bool, torch.int64)
torch.promote_types(torch.bool, torch.bool)
