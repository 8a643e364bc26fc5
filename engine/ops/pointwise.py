"""(being written) pointwise ops."""
