"""The worker queue's turns: an address holds at most its share of the workers however many
cookies it has, clients of one address take turns, and a full queue is shared too."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from app.worker.fair_queue import NOBODY, FairQueue, Owner, QueueFull, address_group

T = TypeVar("T")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(scenario: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(scenario())  # type: ignore[arg-type]


def queue_of(workers: int, max_waiting: int = 64, clock: Clock | None = None) -> FairQueue[int]:
    queue: FairQueue[int] = FairQueue(workers, max_waiting, 60.0, clock or Clock())
    for worker in range(workers):
        queue.put(worker)
    return queue


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_one_address_with_many_cookies_holds_only_its_share() -> None:
    async def scenario() -> tuple[int, int, bool]:
        queue = queue_of(8)
        student = Owner("10.0.0.2", "student")
        await queue.get(student)  # a classroom that was here first
        queue.done(student)
        hostile = [Owner("10.0.0.1", f"cookie-{i}") for i in range(16)]
        tasks = [asyncio.ensure_future(queue.get(owner)) for owner in hostile]
        await settle()
        held = sum(task.done() for task in tasks)
        # the student still finds a worker at once
        got = await asyncio.wait_for(queue.get(student), 1)
        for task in tasks:
            task.cancel()
        return held, got, queue.free >= 0

    held, _, _ = run(scenario)
    assert held == 4  # 8 workers, two active addresses


def test_an_address_alone_never_takes_the_last_quarter() -> None:
    async def scenario() -> tuple[int, bool]:
        queue = queue_of(8)
        tasks = [asyncio.ensure_future(queue.get(Owner("10.0.0.1", f"c{i}"))) for i in range(16)]
        await settle()
        held = sum(task.done() for task in tasks)
        newcomer = await asyncio.wait_for(queue.get(Owner("10.0.0.9", "new")), 1)
        for task in tasks:
            task.cancel()
        return held, newcomer is not None

    held, newcomer_served = run(scenario)
    assert held == 6 and newcomer_served


def test_clients_of_one_address_take_turns() -> None:
    async def scenario() -> list[str]:
        queue = queue_of(2)
        school = "10.0.0.1"
        await queue.get(Owner(school, "busy"))  # a program of "busy" runs …
        await queue.get(Owner(school, "other"))  # … and one of "other": no worker is free
        order: list[str] = []

        async def wait(client: str) -> None:
            await queue.get(Owner(school, client))
            order.append(client)

        # "busy" asks again first: clients with nothing running are served before it
        tasks = []
        for client in ("busy", "quiet-1", "quiet-2"):
            tasks.append(asyncio.ensure_future(wait(client)))
            await settle()
        queue.done(Owner(school, "other"))
        queue.put(1)
        await settle()
        queue.done(Owner(school, order[-1]))
        queue.put(1)
        await settle()
        queue.done(Owner(school, "busy"))
        queue.put(0)
        await asyncio.wait_for(asyncio.gather(*tasks), 1)
        return order

    assert run(scenario) == ["quiet-1", "quiet-2", "busy"]


def test_a_full_queue_refuses_the_crowded_address_first() -> None:
    async def scenario() -> tuple[int, bool, bool]:
        queue = queue_of(1, max_waiting=4)
        await queue.get(Owner("10.0.0.1", "holder"))
        crowd = [asyncio.ensure_future(queue.get(Owner("10.0.0.1", f"c{i}"))) for i in range(4)]
        await settle()
        student = asyncio.ensure_future(queue.get(Owner("10.0.0.2", "student")))
        await settle()
        refused = [t for t in crowd if t.done() and isinstance(t.exception(), QueueFull)]
        # the crowded address itself cannot push anyone out
        with pytest.raises(QueueFull):
            await queue.get(Owner("10.0.0.1", "one-more"))
        waiting = queue.waiting
        for task in [*crowd, student]:
            task.cancel()
        return len(refused), not student.done(), waiting == 4

    refused, student_waits, full = run(scenario)
    assert refused == 1 and student_waits and full


def test_a_cancelled_waiter_gives_up_its_place() -> None:
    async def scenario() -> tuple[int, int]:
        queue = queue_of(1)
        await queue.get(NOBODY)
        waiter = asyncio.ensure_future(queue.get(NOBODY))
        await settle()
        before = queue.waiting
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        return before, queue.waiting

    assert run(scenario) == (1, 0)


def test_addresses_that_go_quiet_give_their_share_back() -> None:
    clock = Clock()

    async def scenario() -> tuple[int, int]:
        queue = queue_of(8, clock=clock)
        await queue.get(Owner("10.0.0.2", "student"))
        queue.done(Owner("10.0.0.2", "student"))
        before = queue.share("10.0.0.1")
        clock.now += 61  # the student address has been quiet for longer than the window
        return before, queue.share("10.0.0.1")

    assert run(scenario) == (4, 6)


@pytest.mark.parametrize(
    ("ip", "group"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::"),  # the same /64: one subscriber
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("unknown", "unknown"),
    ],
)
def test_ipv6_addresses_are_grouped_by_64(ip: str, group: str) -> None:
    assert address_group(ip) == group
