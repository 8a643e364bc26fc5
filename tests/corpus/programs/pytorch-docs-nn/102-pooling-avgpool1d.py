import torch
from torch import nn
import torch.nn.functional as F
# pool with window of size=3, stride=2
m = nn.AvgPool1d(3, stride=2)
m(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]]))
