import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +IGNORE_WANT("non-deterministic")
linear = nn.Linear(2, 2)
linear.weight
linear.to(torch.double)
linear.weight
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_CUDA1)
gpu1 = torch.device("cuda:1")
linear.to(gpu1, dtype=torch.half, non_blocking=True)
linear.weight
cpu = torch.device("cpu")
linear.to(cpu)
linear.weight
linear = nn.Linear(2, 2, bias=None).to(torch.cdouble)
linear.weight
linear(torch.ones(3, 2, dtype=torch.cdouble))
