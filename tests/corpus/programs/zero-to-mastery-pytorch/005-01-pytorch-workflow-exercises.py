# Import necessary libraries

# Setup device-agnostic code

# Create the data parameters


# Make X and y using linear regression feature


print(f"Number of X samples: {len(X)}")
print(f"Number of y samples: {len(y)}")
print(f"First 10 X & y samples:\nX: {X[:10]}\ny: {y[:10]}")

# Split the data into training and testing

# Plot the training and testing data 

# Create PyTorch linear regression model by subclassing nn.Module

# Instantiate the model and put it to the target device

# Create the loss function and optimizer

# Training loop


# Train model for 300 epochs


# Send data to target device


for epoch in range(epochs):
  ### Training

  # Put model in train mode
  

  # 1. Forward pass
  

  # 2. Calculate loss
  

  # 3. Zero gradients
  

  # 4. Backpropagation
  

  # 5. Step the optimizer
  

  ### Perform testing every 20 epochs
  if epoch % 20 == 0:

    # Put model in evaluation mode and setup inference context 
    
      # 1. Forward pass
      
      # 2. Calculate test loss

      # Print out what's happening
      print(f"Epoch: {epoch} | Train loss: {loss:.3f} | Test loss: {test_loss:.3f}")

# Make predictions with the model

# Plot the predictions (these may need to be on a specific device)

from pathlib import Path

# 1. Create models directory 


# 2. Create model save path 

# 3. Save the model state dict

# Create new instance of model and load saved state dict (make sure to put it on the target device)

# Make predictions with loaded model and compare them to the previous
