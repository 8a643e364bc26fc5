import torch
from torch import nn
import torch.nn.functional as F
torch.empty((2, 3, 5, 7)).dim_order()
torch.empty((2, 3, 5, 7)).transpose(1, 2).dim_order()
torch.empty((2, 3, 5, 7), memory_format=torch.channels_last).dim_order()
torch.empty((1, 2, 3, 4)).dim_order()
try:
    torch.empty((1, 2, 3, 4)).dim_order(ambiguity_check=True)
except RuntimeError as e:
    print(e)
torch.empty((1, 2, 3, 4)).dim_order(
    ambiguity_check=[torch.contiguous_format, torch.channels_last]
)  # It can be mapped to contiguous format
try:
    torch.empty((1, 2, 3, 4)).dim_order(ambiguity_check="ILLEGAL") # type: ignore[arg-type]
except TypeError as e:
    print(e)
