import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
x = torch.arange(20.0).reshape(10, 2)
y = torch.arange(10)
dataset = TensorDataset(x, y)
len(dataset)
dataset[3]
for xb, yb in DataLoader(dataset, batch_size=4):
    print(xb.shape, yb)
loader = DataLoader(dataset, batch_size=3, shuffle=True)
len(loader)
for epoch in range(2):
    print([yb.tolist() for xb, yb in loader])
print([yb.tolist() for xb, yb in DataLoader(dataset, batch_size=3, shuffle=True, drop_last=True)])
train, test = random_split(dataset, [7, 3])
len(train), len(test)
train[0]
torch.rand(2)
