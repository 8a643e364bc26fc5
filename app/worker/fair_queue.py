"""Who gets the next free worker: network addresses their fair share, clients in turn.

Cookies are free, so a client id alone cannot be trusted to mean one person: one address with
many cookies must not take every worker. The queue therefore serves **addresses** first: an
address may hold at most its share of the workers (the pool's size divided by the addresses
active in the last `window_s` seconds, and never the last quarter of them) — even if that
leaves a worker idle while it waits, so a classroom's quick programs always find one free
beside a stream of slow ones. Within an
address (a school behind one NAT address) the **clients** take turns: the next worker goes to
the client with the fewest programs running, then to the one waiting longest.

The queue of waiting programs is bounded; when it is full, the newest waiter of the address
with the most waiting programs gives up its place (503) to an address with fewer, so one
address cannot fill the queue for everyone else.
"""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")


class QueueFull(Exception):
    """No room in the queue for this owner (its address already has its share of it)."""


@dataclass(frozen=True, slots=True)
class Owner:
    """Who a program runs for: the address group it comes from and its client id."""

    address: str
    client: str

    @classmethod
    def of(cls, ip: str, client: str | None) -> Owner:
        return cls(address_group(ip), client or f"anonymous@{ip}")


# Programs run for no one in particular (tests, tools): in turn, without a share.
NOBODY = Owner("", "")


def address_group(ip: str) -> str:
    """IPv4 addresses as they are; IPv6 by /64, the block one subscriber usually gets."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


@dataclass(eq=False)
class _Waiter(Generic[Item]):
    owner: Owner
    order: int
    future: asyncio.Future[Item] = field(repr=False)


class FairQueue(Generic[Item]):
    """Free items (workers) and the programs waiting for one, served fairly."""

    def __init__(
        self,
        capacity: int,
        max_waiting: int,
        window_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.max_waiting = max_waiting
        self.window_s = window_s
        self._clock = clock
        self._free: list[Item] = []
        self._waiters: list[_Waiter[Item]] = []
        self._running: Counter[str] = Counter()  # by address
        self._running_clients: Counter[Owner] = Counter()
        self._seen: dict[str, float] = {}  # address → when it last asked for a worker
        self._order = itertools.count()
        self._recheck: asyncio.TimerHandle | None = None

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    @property
    def free(self) -> int:
        return len(self._free)

    def share(self, address: str) -> int:
        """Workers `address` may hold now: an equal part among the active addresses, and never
        the last quarter of them, which waits for whoever comes next."""
        now = self._clock()
        active = {a for a, seen in self._seen.items() if now - seen <= self.window_s}
        active.update(self._running)
        active.update(w.owner.address for w in self._waiters)
        active.add(address)
        reserve = self.capacity // 4
        return max(1, min(math.ceil(self.capacity / len(active)), self.capacity - reserve))

    async def get(self, owner: Owner) -> Item:
        """A free item for `owner`, waiting for its turn; QueueFull when there is no room."""
        self._seen[owner.address] = self._clock()
        self._forget_old()
        if not self._waiters and self._free and self._may_run(owner):
            return self._grant(owner, self._free.pop())
        if len(self._waiters) >= self.max_waiting:
            self._evict_for(owner)
        future: asyncio.Future[Item] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(owner, next(self._order), future)
        self._waiters.append(waiter)
        self._dispatch()  # a free worker that others may not take may be this owner's
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                self.done(owner)  # granted just as it was cancelled: give it back
                self.put(future.result())
            raise
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def put(self, item: Item) -> None:
        """An item is free again (a worker finished, or a new one started)."""
        self._free.append(item)
        self._dispatch()

    def done(self, owner: Owner) -> None:
        """`owner`'s program has finished with the item it was granted."""
        self._running[owner.address] -= 1
        if self._running[owner.address] <= 0:
            del self._running[owner.address]
        self._running_clients[owner] -= 1
        if self._running_clients[owner] <= 0:
            del self._running_clients[owner]
        self._dispatch()

    # choosing --------------------------------------------------------------------------------

    def _may_run(self, owner: Owner) -> bool:
        return owner == NOBODY or self._running[owner.address] < self.share(owner.address)

    def _grant(self, owner: Owner, item: Item) -> Item:
        self._running[owner.address] += 1
        self._running_clients[owner] += 1
        return item

    def _dispatch(self) -> None:
        while self._free:
            waiter = self._next_waiter()
            if waiter is None:
                break
            self._waiters.remove(waiter)
            waiter.future.set_result(self._grant(waiter.owner, self._free.pop()))
        if self._free and self._waiters:
            # waiters held back by their share: addresses that go quiet raise it later
            self._schedule_recheck()

    def _next_waiter(self) -> _Waiter[Item] | None:
        """The waiter whose address runs least (within its share), then whose client runs
        least, then who waited longest."""
        best: tuple[int, int, int] | None = None
        chosen: _Waiter[Item] | None = None
        shares: dict[str, int] = {}
        for waiter in self._waiters:
            if waiter.future.done():
                continue
            address = waiter.owner.address
            if address not in shares:
                shares[address] = self.capacity if waiter.owner == NOBODY else self.share(address)
            if self._running[address] >= shares[address]:
                continue
            key = (self._running[address], self._running_clients[waiter.owner], waiter.order)
            if best is None or key < best:
                best, chosen = key, waiter
        return chosen

    def _evict_for(self, owner: Owner) -> None:
        """Make room for `owner` by refusing the newest waiter of the address with the most
        waiters, if that address has more than `owner`'s; else refuse `owner`."""
        counts = Counter(w.owner.address for w in self._waiters)
        if not counts:  # a queue of size 0: nobody waits
            raise QueueFull
        crowded, most = counts.most_common(1)[0]
        if crowded == owner.address or most <= counts[owner.address] + 1:
            raise QueueFull
        newest = max((w for w in self._waiters if w.owner.address == crowded), key=_order_of)
        self._waiters.remove(newest)
        newest.future.set_exception(QueueFull())

    def _schedule_recheck(self) -> None:
        if self._recheck is not None and not self._recheck.cancelled():
            return
        loop = asyncio.get_running_loop()

        def recheck() -> None:
            self._recheck = None
            self._dispatch()

        self._recheck = loop.call_later(min(self.window_s, 1.0), recheck)

    def _forget_old(self) -> None:
        if len(self._seen) < 4096:
            return
        now = self._clock()
        for address, seen in list(self._seen.items()):
            if now - seen > self.window_s:
                del self._seen[address]

    def close(self) -> None:
        if self._recheck is not None:
            self._recheck.cancel()
            self._recheck = None


def _order_of(waiter: _Waiter[Item]) -> int:
    return waiter.order
