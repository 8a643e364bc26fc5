import torch
x = torch.ones(2, 1, 3, requires_grad=True)
x.squeeze(0).shape
x.squeeze(-2).shape
x.unsqueeze(-1).shape
x.reshape((3, 2)).shape
x.view(-1, 3).shape
x.flatten(start_dim=1).shape
x.transpose(-1, 0).shape
x.squeeze(0).grad_fn
x.squeeze(-2).grad_fn
