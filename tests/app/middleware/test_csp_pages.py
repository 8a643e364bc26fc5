"""The real app's pages work under its strict CSP: no inline code, nothing from other origins."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from html.parser import HTMLParser

import httpx

from app.config import Settings
from app.main import create_app

# Script types a browser does not execute (data blocks), so CSP does not apply to them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCode(HTMLParser):
    """Collects what a `script-src 'self'; style-src 'self'` policy would block or fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []
        self.foreign: list[str] = []
        self._script_inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>")
            if name == "style":
                self.blocked.append(f"<{tag} style=...>")
            if name in {"src", "href"} and value and re.match(r"(https?:)?//", value):
                self.foreign.append(value)
            if name in {"src", "href"} and value and value.lower().startswith("javascript:"):
                self.blocked.append(f"<{tag} {name}=javascript:...>")
        if tag == "style":
            self.blocked.append("<style>")
        if tag == "script" and "src" not in attributes:
            self._script_inline = (attributes.get("type") or "") not in DATA_SCRIPT_TYPES

    def handle_data(self, data: str) -> None:
        if self._script_inline and data.strip():
            self.blocked.append(f"<script>{data.strip()[:40]}</script>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_inline = False


def fetch(*paths: str) -> list[httpx.Response]:
    app = create_app(Settings(workers=1))  # the pool is not started: pages need no worker

    async def get_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://lab.test") as client:
            return [await client.get(path) for path in paths]

    return asyncio.run(get_all())


def lesson_paths() -> list[str]:
    (lessons,) = fetch("/lessons")
    return sorted(set(re.findall(r'href="(/lessons/[a-z0-9-]+)"', lessons.text)))


def test_every_page_runs_under_the_strict_policy() -> None:
    paths = ["/", "/lessons", *lesson_paths()[:3]]
    assert len(paths) > 2
    for response in fetch(*paths):
        assert response.status_code == 200, response.url
        assert "script-src 'self';" in response.headers["content-security-policy"]
        page = InlineCode()
        page.feed(response.text)
        assert page.blocked == [], (response.url, page.blocked)
        assert page.foreign == [], (response.url, page.foreign)  # classrooms may be offline


def test_api_responses_and_static_files_carry_the_headers() -> None:
    for response in fetch("/healthz", "/static/favicon.svg", "/no-such-page"):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" in response.headers
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def test_the_api_docs_inline_script_is_allowed_by_its_hash() -> None:
    (docs,) = fetch("/docs")
    scripts = re.findall(r"<script>(.*?)</script>", docs.text, re.DOTALL)
    assert scripts
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in docs.headers["content-security-policy"]
