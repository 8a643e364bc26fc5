"""The differentiable operations, one module per family; each op sits beside its backward node."""
