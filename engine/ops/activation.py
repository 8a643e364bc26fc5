"""(being written) activation ops."""
