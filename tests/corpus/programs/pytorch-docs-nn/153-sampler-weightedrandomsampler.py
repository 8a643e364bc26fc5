import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +IGNORE_WANT("non-deterministic")
list(
    WeightedRandomSampler(
        [0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, replacement=True
    )
)
list(
    WeightedRandomSampler(
        [0.9, 0.4, 0.05, 0.2, 0.3, 0.1], 5, replacement=False
    )
)
