"""(being written) linalg ops."""
