"""`DataLoader`: batches of a dataset, in order or shuffled as torch 2.13 shuffles them
(num_workers=0: everything in this process), collated by `default_collate`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from engine import creation, dtypes
from engine.ops.join import stack
from engine.sampling.generator import Generator
from engine.tensor_base import TensorBase
from engine.utils.data.sampler import (
    BatchSampler,
    RandomSampler,
    SequentialSampler,
    random_int64,
)


def default_convert(sample: Any) -> Any:
    """What an unbatched loader (`batch_size=None`) yields: the sample, tuples as lists."""
    if isinstance(sample, tuple | list):
        return [default_convert(item) for item in sample]
    return sample


def default_collate(batch: list[Any]) -> Any:
    """Stack a list of samples into a batch: tensors along a new first dimension, numbers
    into a tensor (floats as float64, ints as int64), tuples and dicts field by field."""
    first = batch[0]
    if isinstance(first, TensorBase):
        return stack(batch, 0)
    if isinstance(first, bool):
        return creation.tensor(batch)
    if isinstance(first, float):
        return creation.tensor(batch, dtype=dtypes.float64)
    if isinstance(first, int):
        return creation.tensor(batch)
    if isinstance(first, str):
        return batch
    if isinstance(first, Mapping):
        return {key: default_collate([sample[key] for sample in batch]) for key in first}
    if isinstance(first, Sequence):
        size = len(first)
        if any(len(sample) != size for sample in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        # a list even for tuples, as torch (which keeps only named tuples' type)
        return [default_collate(list(samples)) for samples in zip(*batch, strict=True)]
    raise TypeError(
        "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
        f"found {type(first)}"
    )


class DataLoader:
    """Iterates over `dataset` in batches of `batch_size`, shuffled if asked."""

    dataset: Any
    batch_size: int | None
    drop_last: bool
    num_workers: int

    def __init__(
        self,
        dataset: Any,
        batch_size: int | None = 1,
        shuffle: bool | None = None,
        sampler: Any = None,
        batch_sampler: Any = None,
        num_workers: int = 0,
        collate_fn: Callable[[list[Any]], Any] | None = None,
        pin_memory: bool = False,
        drop_last: bool = False,
        timeout: float = 0,
        worker_init_fn: Any = None,
        multiprocessing_context: Any = None,
        generator: Generator | None = None,
        *,
        prefetch_factor: int | None = None,
        persistent_workers: bool = False,
        pin_memory_device: str = "",
        in_order: bool = True,
    ) -> None:
        if num_workers < 0:
            raise ValueError(
                "num_workers option should be non-negative; use num_workers=0 to disable "
                "multiprocessing."
            )
        if num_workers > 0:
            raise NotImplementedError(
                "DataLoader(num_workers>0) is not available in Autograd Lab: every sample is "
                "loaded in the program's own process"
            )
        self.dataset = dataset
        self.num_workers = num_workers
        self.drop_last = drop_last
        self.generator = generator
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError(
                    "batch_sampler option is mutually exclusive with batch_size, shuffle, "
                    "sampler, and drop_last"
                )
            batch_size = None
            drop_last = False
        if sampler is None:
            sampler = (
                RandomSampler(dataset, generator=generator)
                if shuffle
                else SequentialSampler(dataset)
            )
        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size = batch_size
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.collate_fn = collate_fn or (
            default_collate if batch_size is not None else default_convert
        )

    def __iter__(self) -> Iterator[Any]:
        indices = iter(self.batch_sampler if self.batch_sampler is not None else self.sampler)
        # torch draws the workers' base seed as the iterator is made, even without workers
        random_int64(self.generator)
        return self._batches(indices)

    def _batches(self, indices: Iterator[Any]) -> Iterator[Any]:
        for index in indices:
            if self.batch_sampler is not None:
                yield self.collate_fn([self.dataset[i] for i in index])
            else:
                yield self.collate_fn(self.dataset[index])

    def __len__(self) -> int:
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)
