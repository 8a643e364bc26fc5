"""The CPU random generator: PyTorch's mt19937 engine, its seeding, and one state per context.

PyTorch's CPU generator is a 32-bit Mersenne Twister seeded with `init_genrand` from the low 32
bits of the 64-bit seed; `random()` is one tempered output word and `random64()` joins two words,
the first as the high half. Sampling (`engine.sampling.distribution`) turns those words into
numbers.

A state is immutable: drawing returns the words and the next state. The default generator of
`torch.manual_seed` keeps its state in a ContextVar, so programs run side by side in one server
process never share a random stream.
"""

from __future__ import annotations

import functools
import secrets
import struct
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
    """An mt19937 state as PyTorch keeps it: the seed it started from, its 624 words, `left`
    (draws until the next twist, plus one) and `next_index` (the next word to read), and the
    cached second value of the last Box–Muller pair (`next_double_normal_sample`)."""

    seed: int
    key: np.ndarray
    left: int
    next_index: int
    next_double_normal: float | None = None

    @classmethod
    def seeded(cls, seed: int) -> GeneratorState:
        return cls(seed, _seeded_key(seed & 0xFFFFFFFF), 1, 0)

    def random(self, n: int) -> tuple[np.ndarray, GeneratorState]:
        """`n` calls of `random()`: 32-bit words (as uint64, ready for arithmetic)."""
        key, left, index = self.key, self.left, self.next_index
        chunks: list[np.ndarray] = []
        need = n
        while need > 0:
            if left == 1:
                key, left, index = _twist(key), _N + 1, 0
            take = min(need, left - 1)
            chunks.append(key[index : index + take])
            index += take
            left -= take
            need -= take
        words = _temper(np.concatenate(chunks)) if chunks else np.empty(0, np.uint32)
        return words.astype(np.uint64), replace(self, key=key, left=left, next_index=index)

    def random64(self, n: int) -> tuple[np.ndarray, GeneratorState]:
        """`n` calls of `random64()`: two words each, the first one the high half."""
        words, state = self.random(2 * n)
        return (words[0::2] << np.uint64(32)) | words[1::2], state


class RandomStream:
    """Something sampling draws from: it holds a `GeneratorState` and replaces it after each
    draw. `torch.Generator` (engine.sampling.generator) is one; the context's default stream is
    another."""

    def __init__(self) -> None:
        self._own = GeneratorState.seeded(DEFAULT_SEED)

    def get_current(self) -> GeneratorState:
        return self._own

    def set_current(self, state: GeneratorState) -> None:
        self._own = state


_default_state: ContextVar[GeneratorState | None] = ContextVar("default_generator", default=None)


class _DefaultStream(RandomStream):
    """The default generator's stream: its state belongs to the running context."""

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


default_stream: RandomStream = _DefaultStream()


def resolve(generator: RandomStream | None) -> RandomStream:
    """The stream a sampling call draws from: the generator given, else the context's default."""
    if generator is None:
        return default_stream
    if not isinstance(generator, RandomStream):
        raise TypeError(f"expected a torch.Generator, but got {type(generator).__name__}")
    return generator


def unpack_seed(seed: int) -> int:
    """A seed as PyTorch stores it: an unsigned 64-bit value (negative seeds wrap around)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")
    if seed >= 1 << 64 or seed < -(1 << 63):
        raise ValueError("Overflow when unpacking long long")
    return seed & _U64


def new_seed() -> int:
    """A non-deterministic 64-bit seed, from the operating system's entropy (as PyTorch's)."""
    return secrets.randbits(64)


# --- torch.get_rng_state() bytes ---------------------------------------------------------------

# CPUGeneratorImplState: the legacy THGeneratorState (seed, left, seeded, next, 624 words as
# uint64, normal_x, normal_y, normal_rho, normal_is_valid) then the float normal cache.
_HEADER = struct.Struct("<QiiQ")
_NORMAL = struct.Struct("<dddi4xf?3x")
STATE_SIZE = _HEADER.size + 8 * _N + _NORMAL.size  # 5056


def state_to_bytes(state: GeneratorState) -> bytes:
    cached = state.next_double_normal
    header = _HEADER.pack(state.seed, state.left, 1, state.next_index)
    words = state.key.astype("<u8").tobytes()
    normal = _NORMAL.pack(0.0, cached or 0.0, 0.0, cached is not None, 0.0, False)
    return header + words + normal


def state_from_bytes(data: bytes) -> GeneratorState:
    if len(data) != STATE_SIZE:
        raise RuntimeError(
            f"Expected a CPUGeneratorImplState of size {STATE_SIZE} but found the input RNG "
            f"state size to be {len(data)}"
        )
    seed, left, seeded, index = _HEADER.unpack_from(data, 0)
    if seeded != 1 or not 0 < left <= _N or index > _N:
        raise RuntimeError("Invalid mt19937 state")
    key = np.frombuffer(data, dtype="<u8", count=_N, offset=_HEADER.size).astype(np.uint32)
    key.flags.writeable = False
    _, normal_y, _, normal_valid, _, _ = _NORMAL.unpack_from(data, _HEADER.size + 8 * _N)
    return GeneratorState(seed, key, left, index, normal_y if normal_valid else None)
