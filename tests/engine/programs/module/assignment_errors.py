import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(2))
        self.lin = nn.Linear(1, 1)


class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)


class EarlyParameter(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))


m = Net()
for action in [
    lambda: setattr(m, "w", torch.zeros(2)),
    lambda: setattr(m, "lin", 3),
    lambda: Early(),
    lambda: EarlyParameter(),
    lambda: m.nothing,
    lambda: nn.Module()(1),
    lambda: m.register_parameter("a.b", None),
    lambda: m.register_parameter("lin", nn.Parameter(torch.ones(1))),
    lambda: m.register_buffer("buf", 3),
    lambda: m.add_module("x", 3),
    lambda: m.register_parameter("p", torch.ones(1)),
    lambda: m.register_parameter("q", nn.Parameter(torch.ones(1, requires_grad=True) * 2)),
    lambda: nn.Module(3),
    lambda: m.train(1),
    lambda: m.get_submodule("lin.weight"),
    lambda: m.get_submodule("nope"),
]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
m.w = None
m.w, list(m.parameters())[0].shape
