import torch
from torch import nn
import torch.nn.functional as F
# FloatTensor containing pretrained weights
weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
embeddingbag = nn.EmbeddingBag.from_pretrained(weight)
# Get embeddings for index 1
input = torch.LongTensor([[1, 0]])
# xdoctest: +IGNORE_WANT("non-deterministic")
embeddingbag(input)
