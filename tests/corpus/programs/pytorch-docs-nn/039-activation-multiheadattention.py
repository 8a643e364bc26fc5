import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
multihead_attn = nn.MultiheadAttention(embed_dim, num_heads)
attn_output, attn_output_weights = multihead_attn(query, key, value)
