import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
a = nn.Linear(2, 2)
b = nn.Linear(2, 1)
opt = optim.SGD(
    [{"params": a.parameters()}, {"params": b.parameters(), "lr": 0.5}], lr=0.1, momentum=0.9
)
opt
len(opt.param_groups), [g["lr"] for g in opt.param_groups]
out = b(a(torch.ones(3, 2))).sum()
out.backward()
opt.step()
a.bias, b.bias
opt.zero_grad()
a.bias.grad, b.weight.grad
sd = opt.state_dict()
sd["param_groups"][1]
opt2 = optim.SGD([{"params": a.parameters()}, {"params": b.parameters()}], lr=1.0, momentum=0.9)
opt2.load_state_dict(sd)
[g["lr"] for g in opt2.param_groups], opt2.state[b.bias]
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt3 = optim.SGD([w], lr=0.1)
(w**2).sum().backward()
opt3.step()
w


def closure():
    opt3.zero_grad()
    loss = (w**2).sum()
    loss.backward()
    return loss


opt3.step(closure), w
calls = []
handle = opt3.register_step_post_hook(lambda o, args, kwargs: calls.append("post"))
opt3.step(closure)
handle.remove()
opt3.step(closure)
calls
for bad in [
    lambda: optim.SGD(torch.ones(2), lr=0.1),
    lambda: optim.SGD([], lr=0.1),
    lambda: optim.SGD([w], lr=-1),
    lambda: optim.SGD([w], lr=0.1, momentum=-1),
    lambda: optim.SGD([w], lr=0.1, nesterov=True),
    lambda: optim.SGD([w * 2], lr=0.1),
    lambda: optim.SGD([{"params": [w]}, {"params": [w]}], lr=0.1),
    lambda: optim.SGD({w}, lr=0.1),
    lambda: optim.SGD([1.0], lr=0.1),
]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
