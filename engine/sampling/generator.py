"""`torch.Generator` and seeding: `manual_seed`, `seed`, `initial_seed`, `get_rng_state`,
`set_rng_state`, `fork_rng`, and the default generator, whose state belongs to the running context.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np

from engine import dtypes
from engine.sampling import mt19937
from engine.sampling.mt19937 import GeneratorState, RandomStream
from engine.tensor import Tensor


class Generator(RandomStream):
    """`torch.Generator`: a CPU random stream, seeded with 67280421310721 until told otherwise."""

    def __init__(self, device: Any = "cpu") -> None:
        super().__init__()
        # None: the state lives on this object; the default generator uses the context's stream
        self._stream: RandomStream | None = None

    @classmethod
    def _for_context(cls) -> Generator:
        generator = cls()
        generator._stream = mt19937.default_stream
        return generator

    def get_current(self) -> GeneratorState:
        if self._stream is None:
            return super().get_current()
        return self._stream.get_current()

    def set_current(self, state: GeneratorState) -> None:
        if self._stream is None:
            super().set_current(state)
        else:
            self._stream.set_current(state)

    def __repr__(self) -> str:
        return f"<torch._C.Generator object at {id(self):#x}>"

    @property
    def device(self) -> str:
        return "cpu"

    def manual_seed(self, seed: Any) -> Generator:
        self.set_current(GeneratorState.seeded(mt19937.unpack_seed(seed)))
        return self

    def seed(self) -> int:
        """Reseed with a non-deterministic 64-bit number and return it."""
        value = mt19937.new_seed()
        self.set_current(GeneratorState.seeded(value))
        return value

    def initial_seed(self) -> int:
        return self.get_current().seed

    def get_state(self) -> Tensor:
        """The state as PyTorch's 5056-byte `torch.ByteTensor` (same bytes as PyTorch's)."""
        raw = np.frombuffer(mt19937.state_to_bytes(self.get_current()), dtype=np.uint8)
        return Tensor._make(raw.copy(), dtypes.uint8)

    def set_state(self, new_state: Tensor) -> Generator:
        if not isinstance(new_state, Tensor) or new_state.dtype is not dtypes.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        self.set_current(mt19937.state_from_bytes(new_state._data.tobytes()))
        return self


# `type(g)` prints as in PyTorch: <class 'torch._C.Generator'>
Generator.__module__ = "torch._C"

# `torch.default_generator`: one object whose state belongs to the running context
default_generator: Generator = Generator._for_context()


def manual_seed(seed: Any) -> Generator:
    """Seed the default generator (of this context) and return it."""
    return default_generator.manual_seed(int(seed))


def seed() -> int:
    """Seed the default generator with a non-deterministic 64-bit number and return it."""
    return default_generator.seed()


def initial_seed() -> int:
    """The seed the default generator started from (67280421310721 before any seeding)."""
    return default_generator.initial_seed()


def get_rng_state() -> Tensor:
    """The default generator's state, as a `torch.ByteTensor`."""
    return default_generator.get_state()


def set_rng_state(new_state: Tensor) -> None:
    """Restore the default generator's state from `get_rng_state()`."""
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(
    devices: Any = None,
    enabled: bool = True,
    _caller: str = "fork_rng",
    _devices_kw: str = "devices",
    device_type: str = "cuda",
) -> Iterator[None]:
    """`with torch.random.fork_rng():` draws inside the block leave the default generator as
    it was before the block."""
    if not enabled:
        yield
        return
    saved = default_generator.get_current()
    try:
        yield
    finally:
        default_generator.set_current(saved)
