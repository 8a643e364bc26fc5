import torch
a = torch.tensor([True, False])
a + a
a - a
