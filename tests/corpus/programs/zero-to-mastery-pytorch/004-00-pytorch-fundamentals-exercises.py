# No code solution (reading)

# Import torch


# Create random tensor

# Create another random tensor

# Perform matrix multiplication 

# Set manual seed


# Create two random tensors


# Matrix multiply tensors

# Set random seed on the GPU

# Set random seed


# Check for access to GPU

# Create two random tensors on GPU

# Perform matmul on tensor_A and tensor_B

# Find max

# Find min

# Find arg max


# Find arg min

# Set seed


# Create random tensor


# Remove single dimensions


# Print out tensors and their shapes
