import torch
w = torch.tensor([0.5, -0.5], requires_grad=True)
x = torch.tensor([1.0, 2.0])
target = torch.tensor(1.0)
for step in range(3):
    pred = (w * x).sum()
    loss = (pred - target) ** 2
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
    print(step, round(loss.item(), 4))
w
