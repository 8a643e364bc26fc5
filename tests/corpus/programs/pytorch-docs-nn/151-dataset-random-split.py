import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
generator1 = torch.Generator().manual_seed(42)
generator2 = torch.Generator().manual_seed(42)
random_split(range(10), [3, 7], generator=generator1)
random_split(range(30), [0.3, 0.3, 0.4], generator=generator2)
