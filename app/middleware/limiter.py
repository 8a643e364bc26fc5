"""The rate limiter: token buckets per client (signed cookie), per address, and in-flight counts.

A class often shares one NAT address, so the address alone cannot tell students apart: each browser
gets a random client id in a signed cookie and its own bucket. The cookie cannot be forged, so new
ids only come from the server, and the server hands out a bounded number per address (the
new-client bucket). Every limited request also draws from a generous bucket for its address, so
clients that drop their cookie or mint many cannot exceed what a whole class would use.

A request costs one token, plus tokens for each second it keeps a worker busy beyond the first:
a program that runs into the time limit again and again soon waits, while students' quick
programs never notice. Requests without a valid cookie share one bucket per address.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from app.config import Settings

Clock = Callable[[], float]
Limit = Literal["client", "anonymous", "ip", "concurrency"]

# Seconds of a request that cost nothing beyond its token: students' programs finish well within.
FREE_SECONDS = 1.0


@dataclass(slots=True)
class TokenBucket:
    """`capacity` tokens, refilled at `rate` per second; a slow request may leave it in debt."""

    rate: float
    capacity: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        """Add the tokens earned since the last update, up to the capacity."""
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now

    def wait_s(self, now: float, cost: float = 1.0) -> float:
        """Seconds until `cost` tokens are available (0 when they are now)."""
        self.refill(now)
        missing = cost - self.tokens
        if missing <= 0:
            return 0.0
        return math.inf if self.rate <= 0 else missing / self.rate

    def take(self, now: float, cost: float = 1.0) -> None:
        """Remove `cost` tokens; the balance may go negative, never below -capacity."""
        self.refill(now)
        self.tokens = max(-self.capacity, self.tokens - cost)

    def is_full(self, now: float) -> bool:
        """Whether forgetting this bucket would change nothing."""
        self.refill(now)
        return self.tokens >= self.capacity


class BucketTable:
    """Buckets of one kind by key, bounded: when full, the least recently used bucket goes."""

    def __init__(self, rate: float, capacity: float, max_size: int) -> None:
        self.rate = rate
        self.capacity = capacity
        self.max_size = max(1, max_size)
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def get(self, key: str, now: float) -> TokenBucket:
        """The bucket for `key`, a full one if it was never seen (or forgotten)."""
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(self.rate, self.capacity, self.capacity, now)
            self._buckets[key] = bucket
            while len(self._buckets) > self.max_size:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one request: let it through, or 429 with a Retry-After."""

    allowed: bool
    retry_after_s: int = 0
    limit: Limit | None = None


ALLOWED = Verdict(allowed=True)


class RateLimiter:
    """Admits or refuses requests by client id and address; all state lives in this process."""

    def __init__(self, settings: Settings, clock: Clock = time.monotonic) -> None:
        size = settings.rate_limit_max_tracked
        self._clock = clock
        self._clients = BucketTable(
            settings.rate_limit_client_per_s, settings.rate_limit_client_burst, size
        )
        self._anonymous = BucketTable(
            settings.rate_limit_anonymous_per_s, settings.rate_limit_anonymous_burst, size
        )
        self._ips = BucketTable(settings.rate_limit_ip_per_s, settings.rate_limit_ip_burst, size)
        self._new_clients = BucketTable(
            settings.rate_limit_new_clients_per_s, settings.rate_limit_new_clients_burst, size
        )
        self._concurrency = settings.rate_limit_client_concurrency
        self._slow_cost_per_s = settings.rate_limit_slow_cost_per_s
        self._in_flight: dict[str, int] = {}

    def _own_bucket(self, ip: str, client_id: str | None, now: float) -> tuple[str, TokenBucket]:
        if client_id is None:
            return "anon:" + ip, self._anonymous.get(ip, now)
        return "client:" + client_id, self._clients.get(client_id, now)

    def may_issue_cookie(self, ip: str) -> bool:
        """Whether `ip` may get another client id now (takes one from its new-client bucket)."""
        now = self._clock()
        bucket = self._new_clients.get(ip, now)
        if bucket.wait_s(now) > 0:
            return False
        bucket.take(now)
        return True

    def admit(self, ip: str, client_id: str | None) -> Verdict:
        """Take a token from the client's bucket and the address's, and an in-flight slot.

        A refused request takes nothing, so a client hammering on 429s does not dig deeper.
        Every admitted request must be followed by `release`.
        """
        now = self._clock()
        key, own = self._own_bucket(ip, client_id, now)
        if self._in_flight.get(key, 0) >= self._concurrency:
            return Verdict(allowed=False, retry_after_s=1, limit="concurrency")
        ip_bucket = self._ips.get(ip, now)
        own_limit: Limit = "anonymous" if client_id is None else "client"
        for limit, bucket in ((own_limit, own), ("ip", ip_bucket)):
            wait = bucket.wait_s(now)
            if wait > 0:
                return Verdict(allowed=False, retry_after_s=_retry_after(wait), limit=limit)
        own.take(now)
        ip_bucket.take(now)
        self._in_flight[key] = self._in_flight.get(key, 0) + 1
        return ALLOWED

    def release(self, ip: str, client_id: str | None, duration_s: float) -> None:
        """Free the in-flight slot and charge the client for the time its request took."""
        now = self._clock()
        key, own = self._own_bucket(ip, client_id, now)
        remaining = self._in_flight.get(key, 0) - 1
        if remaining > 0:
            self._in_flight[key] = remaining
        else:
            self._in_flight.pop(key, None)
        slow_s = duration_s - FREE_SECONDS
        if slow_s > 0 and self._slow_cost_per_s > 0:
            own.take(now, slow_s * self._slow_cost_per_s)


def _retry_after(wait_s: float) -> int:
    """Whole seconds for Retry-After: never 0, which would invite an immediate retry."""
    if math.isinf(wait_s):
        return 3600
    return max(1, math.ceil(wait_s))
