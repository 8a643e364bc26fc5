import torch
g = torch.manual_seed(42)
torch.randn(4)
torch.randn(2, 3)
torch.randn(2, requires_grad=True)
