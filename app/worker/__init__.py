"""The sandbox's worker processes: the pool the API uses, each worker's life, the program runner."""
