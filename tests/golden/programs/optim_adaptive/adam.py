import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
x = torch.randn(16, 32)
y = torch.randn(16, 1)
optimizer = optim.Adam(model.parameters(), lr=0.01)
optimizer
for step in range(5):
    optimizer.zero_grad()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    optimizer.step()
    print(step, loss.item())
model[2].bias
state = optimizer.state[model[2].bias]
state["step"], state["exp_avg"], state["exp_avg_sq"]
