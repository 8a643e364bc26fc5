"""(being written) comparison ops."""
