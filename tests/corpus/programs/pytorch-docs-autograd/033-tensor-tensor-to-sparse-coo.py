import torch
from torch import nn
import torch.nn.functional as F
dense = torch.randn(5, 5)
sparse = dense.to_sparse_coo()
sparse._nnz()
