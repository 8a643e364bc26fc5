"""Samplers: the order a DataLoader visits a dataset in — sequential, or a fresh random
permutation per epoch drawn exactly as torch 2.13 draws it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sized
from typing import Any

from engine.sampling.factory import randperm
from engine.sampling.generator import Generator
from engine.sampling.mt19937 import resolve


def random_int64(generator: Generator | None = None) -> int:
    """`torch.empty((), dtype=torch.int64).random_(generator=…).item()`: one 64-bit word,
    reduced to [0, 2⁶³) — how DataLoader and RandomSampler draw their seeds."""
    stream = resolve(generator)
    words, state = stream.get_current().random64(1)
    stream.set_current(state)
    return int(words[0]) % (1 << 63)


class Sampler:
    """Yields dataset indices."""

    def __iter__(self) -> Iterator[Any]:
        raise NotImplementedError


class SequentialSampler(Sampler):
    """0, 1, 2, …"""

    data_source: Sized

    def __init__(self, data_source: Sized) -> None:
        self.data_source = data_source

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.data_source)))

    def __len__(self) -> int:
        return len(self.data_source)


class RandomSampler(Sampler):
    """A random permutation per pass: a seed from the default generator (or `generator`),
    then `randperm` from a generator seeded with it."""

    data_source: Sized
    replacement: bool

    def __init__(
        self,
        data_source: Sized,
        replacement: bool = False,
        num_samples: int | None = None,
        generator: Generator | None = None,
    ) -> None:
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(self.replacement, bool):
            raise TypeError(
                f"replacement should be a boolean value, but got replacement={self.replacement}"
            )
        if replacement:
            raise NotImplementedError(
                "RandomSampler(replacement=True) is not available in Autograd Lab yet"
            )
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(
                "num_samples should be a positive integer value, but got "
                f"num_samples={self.num_samples}"
            )

    @property
    def num_samples(self) -> int:
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self) -> Iterator[int]:
        n = len(self.data_source)
        generator = self.generator
        if generator is None:
            generator = Generator()
            generator.manual_seed(random_int64())
        for _ in range(self.num_samples // n):
            yield from randperm(n, generator=generator).tolist()
        yield from randperm(n, generator=generator).tolist()[: self.num_samples % n]

    def __len__(self) -> int:
        return self.num_samples


class BatchSampler(Sampler):
    """Groups another sampler's indices into lists of `batch_size` (the last may be short,
    unless `drop_last`)."""

    sampler: Any
    batch_size: int
    drop_last: bool

    def __init__(self, sampler: Any, batch_size: int, drop_last: bool) -> None:
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size <= 0:
            raise ValueError(
                f"batch_size should be a positive integer value, but got batch_size={batch_size}"
            )
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self) -> Iterator[list[int]]:
        indices = iter(self.sampler)
        if self.drop_last:
            for full in zip(*([indices] * self.batch_size), strict=False):
                yield [*full]
            return
        batch: list[int] = [*itertools.islice(indices, self.batch_size)]
        while batch:
            yield batch
            batch = [*itertools.islice(indices, self.batch_size)]

    def __len__(self) -> int:
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size
