"""`torch.nn`: only the functional interface is provided."""

from engine.nn import functional

__all__ = ["functional"]
