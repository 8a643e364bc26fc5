"""`torch.utils`: hooks' removable handles and the data package."""

from engine.utils import data, hooks

__all__ = ["data", "hooks"]
