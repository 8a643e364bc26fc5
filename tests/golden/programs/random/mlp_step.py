import torch
g = torch.manual_seed(0)
x = torch.randn(4, 3)
W1 = torch.randn(3, 5, requires_grad=True)
W2 = torch.randn(5, 1, requires_grad=True)
y = torch.tensor([[1.0], [0.0], [1.0], [0.0]])
h = torch.relu(x @ W1)
out = torch.sigmoid(h @ W2)
loss = ((out - y) ** 2).mean()
loss
loss.backward()
W2.grad
W1.grad.shape
