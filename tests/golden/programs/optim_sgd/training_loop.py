import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
x = torch.randn(16, 32)
y = torch.randn(16, 1)
model = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
for epoch in range(5):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    print(epoch, loss.item())
model[2].weight
optimizer
