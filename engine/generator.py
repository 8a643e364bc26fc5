"""The CPU random generator: PyTorch's mt19937 engine, its seeding, and one state per context.

PyTorch's CPU generator is a 32-bit Mersenne Twister seeded with `init_genrand` from the low 32
bits of the 64-bit seed; `random()` is one tempered output word and `random64()` joins two words,
the first as the high half. Sampling (`engine.distributions`) turns those words into numbers.

A state is immutable: drawing returns the words and the next state. The default generator of
`torch.manual_seed` keeps its state in a ContextVar, so programs run side by side in one server
process never share a random stream.
"""

from __future__ import annotations

import functools
import secrets
from contextvars import ContextVar
from dataclasses import dataclass, replace

import numpy as np

# torch's default_rng_seed_val: the seed of a generator nobody seeded
DEFAULT_SEED = 67280421310721

_N = 624
_M = 397
_MATRIX_A = np.uint32(0x9908B0DF)
_UPPER = np.uint32(0x80000000)
_LOWER = np.uint32(0x7FFFFFFF)
_U64 = (1 << 64) - 1


@functools.lru_cache(maxsize=32)
def _seeded_key(seed32: int) -> np.ndarray:
    """`init_genrand`: the 624-word state for a 32-bit seed (read-only, so it can be shared)."""
    words = [seed32]
    for i in range(1, _N):
        prev = words[-1]
        words.append((1812433253 * (prev ^ (prev >> 30)) + i) & 0xFFFFFFFF)
    key = np.array(words, dtype=np.uint32)
    key.flags.writeable = False
    return key


def _mix(upper: np.ndarray, lower: np.ndarray, far: np.ndarray) -> np.ndarray:
    y = (upper & _UPPER) | (lower & _LOWER)
    mixed: np.ndarray = far ^ (y >> np.uint32(1)) ^ np.where(y & np.uint32(1), _MATRIX_A, 0)
    return mixed


def _twist(key: np.ndarray) -> np.ndarray:
    """The next 624 words. Word i needs new word i-227, so it runs in chunks of 227."""
    new = np.empty_like(key)
    new[:227] = _mix(key[:227], key[1:228], key[_M:])
    new[227:454] = _mix(key[227:454], key[228:455], new[:227])
    new[454:623] = _mix(key[454:623], key[455:624], new[227:396])
    new[623:] = _mix(key[623:], new[:1], new[396:397])
    new.flags.writeable = False
    return new


def _temper(words: np.ndarray) -> np.ndarray:
    y = words.copy()
    y ^= y >> np.uint32(11)
    y ^= (y << np.uint32(7)) & np.uint32(0x9D2C5680)
    y ^= (y << np.uint32(15)) & np.uint32(0xEFC60000)
    y ^= y >> np.uint32(18)
    return y


@dataclass(frozen=True, slots=True)
class GeneratorState:
    """An mt19937 state: the seed it started from, its words, the read position, and the cached
    second value of the last Box–Muller pair (PyTorch's `next_double_normal_sample`)."""

    seed: int
    key: np.ndarray
    pos: int
    next_double_normal: float | None = None

    @classmethod
    def seeded(cls, seed: int) -> GeneratorState:
        return cls(seed, _seeded_key(seed & 0xFFFFFFFF), _N)

    def random(self, n: int) -> tuple[np.ndarray, GeneratorState]:
        """`n` calls of `random()`: 32-bit words (as uint64, ready for arithmetic)."""
        key, pos = self.key, self.pos
        chunks: list[np.ndarray] = []
        need = n
        while need > 0:
            if pos == _N:
                key, pos = _twist(key), 0
            take = min(need, _N - pos)
            chunks.append(key[pos : pos + take])
            pos += take
            need -= take
        words = _temper(np.concatenate(chunks)) if chunks else np.empty(0, np.uint32)
        return words.astype(np.uint64), replace(self, key=key, pos=pos)

    def random64(self, n: int) -> tuple[np.ndarray, GeneratorState]:
        """`n` calls of `random64()`: two words each, the first one the high half."""
        words, state = self.random(2 * n)
        return (words[0::2] << np.uint64(32)) | words[1::2], state


class Generator:
    """`torch.Generator`: a CPU random stream, seeded with 67280421310721 until told otherwise."""

    def __init__(self, device: str = "cpu") -> None:
        self._own = GeneratorState.seeded(DEFAULT_SEED)

    def __repr__(self) -> str:
        return f"<torch._C.Generator object at {id(self):#x}>"

    @property
    def device(self) -> str:
        return "cpu"

    # The state lives on the object; the default generator keeps it in a ContextVar instead.
    def get_current(self) -> GeneratorState:
        return self._own

    def set_current(self, state: GeneratorState) -> None:
        self._own = state

    def manual_seed(self, seed: int) -> Generator:
        self.set_current(GeneratorState.seeded(_unpack_seed(seed)))
        return self

    def seed(self) -> int:
        """Reseed from the operating system's entropy, as PyTorch does, and return the seed."""
        value = secrets.randbits(64)
        self.set_current(GeneratorState.seeded(value))
        return value

    def initial_seed(self) -> int:
        return self.get_current().seed


def _unpack_seed(seed: int) -> int:
    """A seed as PyTorch stores it: an unsigned 64-bit value (negative seeds wrap around)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"manual_seed expected a long, but got {type(seed).__name__}")
    if seed >= 1 << 64 or seed < -(1 << 63):
        raise ValueError("Overflow when unpacking long long")
    return seed & _U64


_default_state: ContextVar[GeneratorState | None] = ContextVar("default_generator", default=None)


class _DefaultGenerator(Generator):
    """`torch.default_generator`: one object whose state belongs to the running context."""

    def __init__(self) -> None:
        pass

    def get_current(self) -> GeneratorState:
        state = _default_state.get()
        if state is None:
            state = GeneratorState.seeded(DEFAULT_SEED)
            _default_state.set(state)
        return state

    def set_current(self, state: GeneratorState) -> None:
        _default_state.set(state)


default_generator: Generator = _DefaultGenerator()


def resolve(generator: Generator | None) -> Generator:
    """The generator a sampling call draws from: the one given, else the context's default."""
    if generator is None:
        return default_generator
    if not isinstance(generator, Generator):
        raise TypeError(f"expected a torch.Generator, but got {type(generator).__name__}")
    return generator
