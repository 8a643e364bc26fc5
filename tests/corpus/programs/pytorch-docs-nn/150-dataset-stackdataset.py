import torch
from torch import nn
import torch.nn.functional as F
# xdoctest: +SKIP
images = ImageDataset()
texts = TextDataset()
tuple_stack = StackDataset(images, texts)
tuple_stack[0] == (images[0], texts[0])
dict_stack = StackDataset(image=images, text=texts)
dict_stack[0] == {"image": images[0], "text": texts[0]}
