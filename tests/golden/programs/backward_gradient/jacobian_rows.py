import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.stack([x[0] * x[1], x[0] + x[1]])
rows = []
for i in range(2):
    g = torch.zeros(2)
    g[i] = 1.0
    x.grad = None
    y.backward(g, retain_graph=True)
    rows.append(x.grad.clone())
torch.stack(rows)
