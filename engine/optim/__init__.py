"""`torch.optim`: the optimizers and `lr_scheduler`."""

from engine.optim.optimizer import Optimizer
from engine.optim.sgd import SGD

__all__ = ["SGD", "Optimizer"]

for _name in __all__:
    _cls = globals()[_name]
    if _cls.__module__.startswith("engine."):
        _cls.__module__ = "torch." + _cls.__module__[len("engine.") :]
