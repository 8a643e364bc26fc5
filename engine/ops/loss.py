"""(being written) loss ops."""
