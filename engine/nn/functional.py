"""(being written) torch.nn.functional subset."""
