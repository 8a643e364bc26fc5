"""`torch.optim`: the optimizers and `lr_scheduler`."""

from engine.optim import lr_scheduler as lr_scheduler
from engine.optim.adagrad import Adagrad
from engine.optim.adam import Adam, AdamW
from engine.optim.optimizer import Optimizer
from engine.optim.rmsprop import RMSprop
from engine.optim.sgd import SGD

__all__ = ["SGD", "Adagrad", "Adam", "AdamW", "Optimizer", "RMSprop"]

for _name in __all__:
    _cls = globals()[_name]  # the optimizers; lr_scheduler is a module
    if _cls.__module__.startswith("engine."):
        _cls.__module__ = "torch." + _cls.__module__[len("engine.") :]
