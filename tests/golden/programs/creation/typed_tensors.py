import torch
torch.FloatTensor([1, 2])
torch.DoubleTensor([1, 2])
torch.LongTensor([1, 2])
torch.LongTensor([1, 2]).dtype
torch.DoubleTensor([0.5]).dtype
torch.FloatTensor(2, 2).fill_(7)
torch.LongTensor(3).zero_()
