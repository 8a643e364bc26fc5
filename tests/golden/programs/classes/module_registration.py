import torch
import torch.nn as nn


class Affine(nn.Module):
    def __init__(self):
        super(Affine, self).__init__()
        self.w = nn.Parameter(torch.ones(2))
        self.b = nn.Parameter(torch.zeros(1))
        self.register_buffer("steps", torch.zeros(1))
        self.plain = torch.ones(3)

    def forward(self, x):
        return (self.w * x).sum() + self.b


m = Affine()
print(m)
print(m(torch.tensor([1.0, 2.0])))
print(list(m.parameters()))
print(m.state_dict())
print([n for n, b in m.named_buffers()])
m.w = nn.Parameter(torch.tensor([3.0, 4.0]))
print(m.w)
m.w = 5
