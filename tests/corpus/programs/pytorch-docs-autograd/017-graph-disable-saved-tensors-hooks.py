import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP(failing)
message = "saved tensors default hooks are disabled"
with torch.autograd.graph.disable_saved_tensors_hooks(message):
    # Raises RuntimeError: saved tensors default hooks are disabled
    with torch.autograd.graph.save_on_cpu():
        pass
