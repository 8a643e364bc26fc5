import torch
def mode():
    return torch.is_grad_enabled()
mode()
with torch.no_grad():
    mode()
    with torch.set_grad_enabled(True):
        mode()
    mode()
mode()
