import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
x = torch.randn(16, 8)
y = torch.randn(16, 1)
for optimizer in [
    optim.RMSprop(model.parameters(), lr=0.01),
    optim.RMSprop(model.parameters(), lr=0.01, momentum=0.9, centered=True),
    optim.Adagrad(model.parameters(), lr=0.1),
    optim.Adagrad(model.parameters(), lr=0.1, lr_decay=0.01, initial_accumulator_value=0.5),
]:
    for step in range(4):
        optimizer.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.step()
    print(loss.item())
    print(model[0].bias)
optimizer
