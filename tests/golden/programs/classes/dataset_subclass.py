import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __init__(self, n):
        self.x = torch.arange(n, dtype=torch.float32)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.x[i] ** 2


ds = Squares(5)
print(len(ds), ds[2])
for xb, yb in DataLoader(ds, batch_size=2):
    print(xb, yb)
torch.manual_seed(0)
loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)
print(len(loader))
for xb, yb in loader:
    print(xb, yb)
