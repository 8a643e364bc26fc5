import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)
layer
layer.weight
layer.bias
print(layer)
layer.in_features, layer.out_features, layer.training
type(layer)
type(layer.weight)
isinstance(layer, nn.Module), isinstance(layer.weight, nn.Parameter), isinstance(layer.weight, torch.Tensor)
nn.Linear(4, 1, bias=False)
nn.Linear(4, 1, bias=False).bias
