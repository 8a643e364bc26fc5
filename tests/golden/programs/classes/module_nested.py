import torch
import torch.nn as nn

torch.manual_seed(1)


class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.act = nn.Tanh()

    def forward(self, x):
        return self.act(self.lin(x)) + x


class Deep(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.Sequential(Block(2), Block(2))
        self.head = nn.Linear(2, 1)

    def forward(self, x):
        return self.head(self.blocks(x))


model = Deep()
print(model)
seen = []
handle = model.head.register_forward_hook(lambda mod, inp, out: seen.append(out.shape))
out = model(torch.ones(3, 2))
print(out)
print(seen)
handle.remove()
print([n for n, b in model.named_modules()])
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss = out.pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()
print(model.head.weight)
class NoForward(nn.Module):
    pass
NoForward()(torch.ones(1))
