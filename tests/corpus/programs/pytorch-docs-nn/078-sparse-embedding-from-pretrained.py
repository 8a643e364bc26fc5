import torch
from torch import nn
import torch.nn.functional as F
# FloatTensor containing pretrained weights
weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
embedding = nn.Embedding.from_pretrained(weight)
# Get embeddings for index 1
input = torch.LongTensor([1])
# xdoctest: +IGNORE_WANT("non-deterministic")
embedding(input)
