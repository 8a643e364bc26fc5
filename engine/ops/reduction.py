"""(being written) reduction ops."""
