import torch
from torch import nn
import torch.nn.functional as F
list(
    BatchSampler(
        SequentialSampler(range(10)), batch_size=3, drop_last=False
    )
)
list(
    BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=True)
)
