"""The autograd engine."""
