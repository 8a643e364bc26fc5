import torch
torch.tensor([1/3, 2/3], dtype=torch.float64)
torch.tensor([[1e-10, 1.0]], dtype=torch.float64)
torch.arange(6, dtype=torch.float64).reshape(2, 3)
torch.tensor([123456.789], dtype=torch.float64)
