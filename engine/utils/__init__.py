"""`torch.utils`: hooks' removable handles and the data package."""
