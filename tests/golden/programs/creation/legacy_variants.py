import torch
torch.Tensor(2, 2).fill_(1.5)
torch.FloatTensor([[1, 2]])
torch.LongTensor([[1, 2], [3, 4]])
torch.DoubleTensor(2).zero_()
torch.Tensor([True, False])
torch.LongTensor([1.9, -1.9])
