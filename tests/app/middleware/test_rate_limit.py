"""Rate limiting: buckets keyed on a signed cookie, a per-IP ceiling, concurrency, 429s."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Coroutine
from typing import Any

import httpx

from app.config import Settings
from app.main import create_app
from app.middleware.client_cookie import CLIENT_COOKIE, ClientCookie
from app.middleware.limiter import BucketTable
from app.middleware.rate_limit import RateLimitMiddleware, report_run_time
from app.middleware.types import Receive, Scope, Send

CLASSROOM_IP = "203.0.113.7"
OTHER_IP = "198.51.100.20"


class FakeClock:
    """Time that passes only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Lab:
    """The rate limiter around a tiny app; a program's run time is set per request."""

    def __init__(self, **overrides: object) -> None:
        settings = dataclasses.replace(Settings(), **overrides)  # type: ignore[arg-type]
        self.clock = FakeClock()
        self.run_seconds = 0.0
        self.gate: asyncio.Event | None = None
        self.reported_run_s: float | None = None  # what the route tells the limiter
        self.app = RateLimitMiddleware(self.run_app, settings, clock=self.clock)

    async def run_app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.gate is not None:
            await self.gate.wait()
        self.clock.now += self.run_seconds
        if self.reported_run_s is not None:
            report_run_time(scope, self.reported_run_s)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    def browser(self, ip: str = CLASSROOM_IP, scheme: str = "http") -> httpx.AsyncClient:
        """A browser: keeps its cookies; each one is a different student."""
        transport = httpx.ASGITransport(app=self.app, client=(ip, 50000))
        return httpx.AsyncClient(transport=transport, base_url=f"{scheme}://lab.test")

    def run(self, scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
        asyncio.run(scenario())


async def run_code(browser: httpx.AsyncClient) -> httpx.Response:
    return await browser.post("/api/run", json={"code": "1 + 1"})


def test_a_new_browser_gets_a_private_signed_cookie() -> None:
    lab = Lab()

    async def scenario() -> None:
        async with lab.browser() as browser:
            first = await browser.get("/")
            cookie = first.headers["set-cookie"]
            assert cookie.startswith(CLIENT_COOKIE + "=")
            assert "HttpOnly" in cookie
            assert "SameSite=Lax" in cookie
            assert "Path=/" in cookie
            assert "Secure" not in cookie  # plain http: a Secure cookie would never come back
            second = await browser.get("/")
            assert "set-cookie" not in second.headers  # the cookie was accepted

    lab.run(scenario)


def test_the_cookie_is_secure_over_https() -> None:
    lab = Lab()

    async def scenario() -> None:
        async with lab.browser(scheme="https") as browser:
            assert "Secure" in (await browser.get("/")).headers["set-cookie"]

    lab.run(scenario)


def test_static_files_and_health_checks_never_set_the_cookie() -> None:
    lab = Lab(rate_limit_new_clients_burst=1, rate_limit_new_clients_per_s=0.001)

    async def scenario() -> None:
        async with lab.browser() as probe:
            for _ in range(3):
                assert "set-cookie" not in (await probe.get("/static/js/app.js")).headers
                assert "set-cookie" not in (await probe.get("/healthz")).headers
        async with lab.browser() as student:  # the probes used up none of the new-client ids
            assert "set-cookie" in (await student.get("/")).headers

    lab.run(scenario)


def test_a_forged_cookie_is_replaced() -> None:
    lab = Lab()

    async def scenario() -> None:
        async with lab.browser() as browser:
            browser.cookies.set(CLIENT_COOKIE, "chosen-by-me.bm90LWEtc2lnbmF0dXJl")
            response = await browser.get("/")
            assert response.headers["set-cookie"].startswith(CLIENT_COOKIE + "=")
            assert "chosen-by-me" not in response.headers["set-cookie"]

    lab.run(scenario)


def test_cookie_signatures_hold_only_for_the_same_secret() -> None:
    school = ClientCookie(b"school secret")
    client_id, value = school.issue()
    assert school.verify(value) == client_id
    assert ClientCookie(b"other secret").verify(value) is None
    assert school.verify(value[:-1] + ("A" if value[-1] != "A" else "B")) is None
    assert school.verify(client_id) is None


def test_a_browser_past_its_burst_gets_429_with_retry_after() -> None:
    lab = Lab(rate_limit_client_burst=3, rate_limit_client_per_s=0.25)

    async def scenario() -> None:
        async with lab.browser() as browser:
            for _ in range(3):
                assert (await run_code(browser)).status_code == 200
            refused = await run_code(browser)
            assert refused.status_code == 429
            assert refused.headers["retry-after"] == "4"  # one token at 0.25 per second
            assert "Rate limited" in refused.json()["detail"]
            lab.clock.now += 4
            assert (await run_code(browser)).status_code == 200

    lab.run(scenario)


def test_refused_requests_do_not_dig_the_hole_deeper() -> None:
    lab = Lab(rate_limit_client_burst=1, rate_limit_client_per_s=1.0)

    async def scenario() -> None:
        async with lab.browser() as browser:
            assert (await run_code(browser)).status_code == 200
            for _ in range(20):
                assert (await run_code(browser)).status_code == 429
            lab.clock.now += 1
            assert (await run_code(browser)).status_code == 200

    lab.run(scenario)


def test_students_behind_one_nat_address_have_separate_buckets() -> None:
    lab = Lab(rate_limit_client_burst=2)

    async def scenario() -> None:
        async with lab.browser() as eager, lab.browser() as calm:
            await eager.get("/")
            await calm.get("/")
            for _ in range(2):
                assert (await run_code(eager)).status_code == 200
            assert (await run_code(eager)).status_code == 429
            assert (await run_code(calm)).status_code == 200

    lab.run(scenario)


def test_one_address_has_a_ceiling_across_all_its_browsers() -> None:
    lab = Lab(rate_limit_client_burst=100, rate_limit_ip_burst=5, rate_limit_ip_per_s=1.0)

    async def scenario() -> None:
        statuses = []
        for _ in range(6):
            async with lab.browser() as student:
                statuses.append((await run_code(student)).status_code)
        assert statuses == [200] * 5 + [429]
        async with lab.browser(ip=OTHER_IP) as elsewhere:
            assert (await run_code(elsewhere)).status_code == 200

    lab.run(scenario)


def test_cookie_refusing_clients_share_one_small_bucket_per_address() -> None:
    lab = Lab(rate_limit_new_clients_burst=0, rate_limit_anonymous_burst=2)

    async def scenario() -> None:
        statuses = []
        for _ in range(3):
            async with lab.browser() as script:
                response = await run_code(script)
                assert "set-cookie" not in response.headers  # no client ids left to hand out
                statuses.append(response.status_code)
        assert statuses == [200, 200, 429]

    lab.run(scenario)


def test_client_ids_handed_out_per_address_are_bounded() -> None:
    lab = Lab(rate_limit_new_clients_burst=3, rate_limit_new_clients_per_s=0.01)

    async def scenario() -> None:
        cookies = []
        for _ in range(5):
            async with lab.browser() as visitor:
                cookies.append("set-cookie" in (await visitor.get("/")).headers)
        assert cookies == [True, True, True, False, False]
        async with lab.browser(ip=OTHER_IP) as visitor:
            assert "set-cookie" in (await visitor.get("/")).headers

    lab.run(scenario)


def test_one_browser_may_not_run_more_programs_at_once_than_allowed() -> None:
    lab = Lab(rate_limit_client_concurrency=1)

    async def scenario() -> None:
        async with lab.browser() as hostile, lab.browser() as student:
            await hostile.get("/")
            await student.get("/")
            lab.gate = asyncio.Event()
            running = asyncio.create_task(run_code(hostile))
            await asyncio.sleep(0.01)
            second = await run_code(hostile)
            assert second.status_code == 429
            assert second.headers["retry-after"] == "1"
            other = asyncio.create_task(run_code(student))
            lab.gate.set()
            assert (await running).status_code == 200
            assert (await other).status_code == 200
            assert (await run_code(hostile)).status_code == 200  # the slot was freed

    lab.run(scenario)


def test_programs_that_hold_a_worker_long_cost_more() -> None:
    settings = {
        "rate_limit_client_burst": 10,
        "rate_limit_client_per_s": 0.001,
        "rate_limit_slow_cost_per_s": 2.0,
    }

    async def requests_allowed(lab: Lab, run_seconds: float) -> int:
        lab.run_seconds = run_seconds
        allowed = 0
        async with lab.browser() as browser:
            for _ in range(12):
                if (await run_code(browser)).status_code == 200:
                    allowed += 1
        return allowed

    quick, endless = Lab(**settings), Lab(**settings)
    # 0.5 s is free; 6 s costs 1 + 2 tokens/s x 5 s = 11 tokens, more than the burst.
    assert asyncio.run(requests_allowed(quick, 0.5)) == 10
    assert asyncio.run(requests_allowed(endless, 6.0)) == 1


def test_waiting_in_the_queue_is_not_charged_when_the_app_reports_run_time() -> None:
    settings = {"rate_limit_client_burst": 10, "rate_limit_client_per_s": 0.001}

    async def requests_allowed(lab: Lab) -> int:
        lab.run_seconds = 6.0  # what the browser waited: mostly in the queue of a busy server
        allowed = 0
        async with lab.browser() as browser:
            for _ in range(12):
                if (await run_code(browser)).status_code == 200:
                    allowed += 1
        return allowed

    queued, endless = Lab(**settings), Lab(**settings)
    queued.reported_run_s = 0.2  # the program held its worker 0.2 s of the 6
    endless.reported_run_s = 6.0
    assert asyncio.run(requests_allowed(queued)) == 10
    assert asyncio.run(requests_allowed(endless)) == 1


def test_pages_are_not_rate_limited() -> None:
    lab = Lab(rate_limit_client_burst=1, rate_limit_ip_burst=1)

    async def scenario() -> None:
        async with lab.browser() as browser:
            for _ in range(20):
                assert (await browser.get("/")).status_code == 200

    lab.run(scenario)


def test_disabled_rate_limiting_neither_limits_nor_sets_cookies() -> None:
    lab = Lab(rate_limit_enabled=False, rate_limit_client_burst=1)

    async def scenario() -> None:
        async with lab.browser() as browser:
            for _ in range(5):
                response = await run_code(browser)
                assert response.status_code == 200
                assert "set-cookie" not in response.headers

    lab.run(scenario)


def test_bucket_tables_stay_bounded() -> None:
    table = BucketTable(rate=1.0, capacity=5, max_size=3)
    for key in ("a", "b", "c", "d", "e"):
        table.get(key, now=0.0).take(0.0)
    assert len(table) == 3
    assert table.get("a", now=0.0).tokens == 5  # forgotten: a fresh, full bucket


def test_the_real_app_charges_the_worker_time_not_the_queue_wait() -> None:
    # One worker: a program that runs into its 1.5 s time limit holds it while a second
    # student's quick program waits in the queue. That student's wait must not be charged
    # (1.5 s would cost 50 tokens at 100/s beyond the first second): only its run time is,
    # which the route reports to the limiter in the request's state.
    settings = Settings(
        workers=1,
        time_limit_s=1.5,
        max_loop_iterations=10**12,
        rate_limit_client_burst=2,
        rate_limit_client_per_s=0.001,
        rate_limit_slow_cost_per_s=100.0,
    )

    async def scenario() -> list[int]:
        app = create_app(settings)
        pool = app.state.pool
        await pool.start()
        try:
            transport = httpx.ASGITransport(app=app, client=(CLASSROOM_IP, 50000))
            base = "http://lab.test"
            async with (
                httpx.AsyncClient(transport=transport, base_url=base) as first,
                httpx.AsyncClient(transport=transport, base_url=base) as second,
            ):
                await first.get("/")
                await second.get("/")  # two students, two cookies
                endless = asyncio.create_task(
                    first.post("/api/run", json={"code": "while True:\n    pass"})
                )
                while pool.load[0] == 0:
                    await asyncio.sleep(0.01)
                queued = await second.post("/api/run", json={"code": "1 + 1"})
                await endless
                again = await second.post("/api/run", json={"code": "1 + 1"})
                return [queued.status_code, again.status_code]
        finally:
            await pool.stop()

    assert asyncio.run(scenario()) == [200, 200]


def test_cookie_minting_cannot_burst_into_hundreds_with_the_defaults() -> None:
    lab = Lab()  # shipped defaults

    async def scenario() -> None:
        minted = 0
        for _ in range(300):  # a script asking as fast as it can, all within the same second
            async with lab.browser() as visitor:
                minted += "set-cookie" in (await visitor.get("/")).headers
        assert minted == Settings().rate_limit_new_clients_burst == 100
        lab.clock.now += 10.0  # then two a second
        later = 0
        for _ in range(50):
            async with lab.browser() as visitor:
                later += "set-cookie" in (await visitor.get("/")).headers
        assert later == 20

    lab.run(scenario)
