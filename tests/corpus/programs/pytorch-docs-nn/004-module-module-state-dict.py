import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP("undefined vars")
module.state_dict().keys()
