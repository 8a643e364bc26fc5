"""`torch.nn.modules`: the layers, containers and losses."""

from engine.nn.module import Module
from engine.nn.modules.activation import LogSoftmax, ReLU, Sigmoid, Softmax, Tanh
from engine.nn.modules.container import Sequential
from engine.nn.modules.flatten import Flatten
from engine.nn.modules.linear import Identity, Linear
from engine.nn.modules.loss import CrossEntropyLoss, MSELoss, NLLLoss

__all__ = [
    "CrossEntropyLoss",
    "Flatten",
    "Identity",
    "Linear",
    "LogSoftmax",
    "MSELoss",
    "Module",
    "NLLLoss",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
]

# `type(layer)` prints <class 'torch.nn.modules.linear.Linear'>, as in PyTorch (the files here
# are named as torch's are)
for _name in __all__:
    _cls = globals()[_name]
    if _cls.__module__.startswith("engine."):
        _cls.__module__ = "torch." + _cls.__module__[len("engine.") :]
