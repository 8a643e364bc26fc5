"""`torch.utils.data`: datasets, samplers and the DataLoader."""

from engine.utils.data.dataloader import DataLoader, default_collate
from engine.utils.data.dataset import ConcatDataset, Dataset, Subset, TensorDataset, random_split
from engine.utils.data.sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler

__all__ = [
    "BatchSampler",
    "ConcatDataset",
    "DataLoader",
    "Dataset",
    "RandomSampler",
    "Sampler",
    "SequentialSampler",
    "Subset",
    "TensorDataset",
    "default_collate",
    "random_split",
]

for _name in __all__:
    _item = globals()[_name]
    if isinstance(_item, type):
        _item.__module__ = {
            "engine.utils.data.dataloader": "torch.utils.data.dataloader",
            "engine.utils.data.dataset": "torch.utils.data.dataset",
            "engine.utils.data.sampler": "torch.utils.data.sampler",
        }[_item.__module__]
