"""Shared fixtures for the app tests: one running app (with its worker pool) per test session."""

from __future__ import annotations

import asyncio
import concurrent.futures
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

with warnings.catch_warnings():
    # Starlette deprecates its httpx-based TestClient; it is still the in-process ASGI client
    # that runs the app's lifespan (which starts the worker pool).
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from app.config import Settings
from app.main import create_app

# A short time limit so that time bombs end quickly; every other limit is the shipped default.
SANDBOX_SETTINGS = Settings(
    workers=2,
    time_limit_s=3.0,
    deadline_grace_s=2.0,
    rate_limit_enabled=False,
    max_body_bytes=65_536,
)
# Generous bound on any one request: a request that takes longer than this fails its test.
REQUEST_TIMEOUT_S = 30.0

NORMAL_PROGRAM = """import torch
w = torch.tensor(2.0, requires_grad=True)
y = w * 3 + 1
y.backward()
print(w.grad)
"""


@pytest.fixture(scope="session")
def api() -> Iterator[TestClient]:
    with TestClient(create_app(SANDBOX_SETTINGS)) as client:
        yield client


@pytest.fixture(scope="session")
def bounded() -> Iterator[concurrent.futures.ThreadPoolExecutor]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


RunApi = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def run_api(api: TestClient, bounded: concurrent.futures.ThreadPoolExecutor) -> RunApi:
    """POST a program; its JSON answer (the request fails its test if it outlasts the bound)."""

    def run(code: str, **fields: Any) -> dict[str, Any]:
        future = bounded.submit(api.post, "/api/run", json={"code": code, **fields})
        response = future.result(timeout=REQUEST_TIMEOUT_S)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return run


@pytest.fixture(scope="session")
def normal_program_runs(run_api: RunApi) -> Callable[[], None]:
    """Asserts that an ordinary program still runs correctly (after something hostile)."""

    def check() -> None:
        body = run_api(NORMAL_PROGRAM)
        assert body["error"] is None
        assert body["stdout"] == "tensor(3.)\n"

    return check


class PageClient:
    """GET requests through the ASGI app in-process; the lifespan (worker pool) never starts,
    since pages need no workers."""

    def __init__(self) -> None:
        self.app = create_app()

    def get(
        self,
        path: str,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
    ) -> httpx.Response:
        async def fetch() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", cookies=cookies
            ) as http:
                return await http.get(path, headers=headers)

        return asyncio.run(fetch())


@pytest.fixture(scope="module")
def client() -> PageClient:
    return PageClient()
