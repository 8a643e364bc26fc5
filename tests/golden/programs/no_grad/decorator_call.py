import torch
def double(x):
    return x * 2
w = torch.tensor(1.0, requires_grad=True)
quiet = torch.no_grad()(double)
quiet(w)
quiet(w).requires_grad
double(w).requires_grad
loud = torch.enable_grad()(double)
with torch.no_grad():
    loud(w)
    double(w)
