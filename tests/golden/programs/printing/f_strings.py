import torch
a = torch.tensor([1.5, 2.5])
s = a.sum()
print(f"sum = {s}")
print(f"item = {s.item()}")
print(f"rounded = {s.item():.2f}")
print(f"{a}")
print("tensor:", a, "grad:", a.grad)
