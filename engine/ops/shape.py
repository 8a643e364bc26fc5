"""(being written) shape ops."""
