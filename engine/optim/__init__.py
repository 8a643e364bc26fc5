"""`torch.optim`: the optimizers and `lr_scheduler`."""

from engine.optim.optimizer import Optimizer
from engine.optim.sgd import SGD

__all__ = ["SGD", "Optimizer"]
