import torch
torch.tensor([1.0, 2.0], dtype=torch.float64)
torch.tensor([[1.5, 2.0]], dtype=torch.float64)
torch.tensor(2.5, dtype=torch.float64)
torch.tensor([1, 2], dtype=torch.float32)
torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True) * 2
