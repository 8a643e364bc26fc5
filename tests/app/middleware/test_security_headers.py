"""Security headers on every response: CSP, nosniff, referrer, permissions, framing."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib

import httpx

from app.config import Settings
from app.middleware.security_headers import SecurityHeadersMiddleware
from app.middleware.types import Message, Receive, Scope, Send

PAGE = b"<!doctype html><script type=module src=/static/js/app.js></script><p>hi</p>"
DOCS = (
    b"<!doctype html><script src=https://cdn.jsdelivr.net/swagger-ui-bundle.js></script>"
    b"<script>const ui = SwaggerUIBundle({url: '/openapi.json'})</script>"
)


async def page_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers every path with HTML; /set-own-csp sets its own policy; /missing is a 404."""
    status = 404 if scope["path"] == "/missing" else 200
    headers = [(b"content-type", b"text/html; charset=utf-8")]
    if scope["path"] == "/set-own-csp":
        headers.append((b"content-security-policy", b"default-src 'none'"))
    body = DOCS if scope["path"] == "/docs" else PAGE
    start: Message = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    # Two chunks, as a streaming response would send them.
    await send({"type": "http.response.body", "body": body[:20], "more_body": True})
    await send({"type": "http.response.body", "body": body[20:]})


def get(path: str, **overrides: object) -> httpx.Response:
    settings = dataclasses.replace(Settings(), **overrides)  # type: ignore[arg-type]
    app = SecurityHeadersMiddleware(page_app, settings)

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://lab.test") as client:
            return await client.get(path)

    return asyncio.run(fetch())


def policy(response: httpx.Response) -> dict[str, list[str]]:
    directives = response.headers["content-security-policy"].split(";")
    parsed = {}
    for directive in directives:
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def test_csp_allows_only_the_apps_own_scripts_styles_fonts_and_images() -> None:
    csp = policy(get("/"))
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["font-src"] == ["'self'"]  # KaTeX fonts come from /static
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]


def test_csp_never_allows_inline_code_or_eval() -> None:
    header = get("/").headers["content-security-policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "*" not in header


def test_frame_ancestors_default_is_same_origin_with_legacy_header() -> None:
    response = get("/")
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def test_frame_ancestors_come_from_settings() -> None:
    response = get("/", frame_ancestors="'self' https://lms.school.example")
    assert policy(response)["frame-ancestors"] == ["'self'", "https://lms.school.example"]
    # X-Frame-Options cannot name another origin: leaving it out lets CSP decide.
    assert "x-frame-options" not in response.headers


def test_frame_ancestors_none_forbids_embedding() -> None:
    response = get("/", frame_ancestors="'none'")
    assert policy(response)["frame-ancestors"] == ["'none'"]
    assert response.headers["x-frame-options"] == "DENY"


def test_nosniff_referrer_and_permissions_policy() -> None:
    response = get("/")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    permissions = dict(
        item.strip().split("=") for item in response.headers["permissions-policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"


def test_headers_are_on_error_responses_too() -> None:
    response = get("/missing")
    assert response.status_code == 404
    assert "content-security-policy" in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_policy_set_by_the_route_is_kept() -> None:
    response = get("/set-own-csp")
    assert response.headers.get_list("content-security-policy") == ["default-src 'none'"]


def test_the_page_body_passes_through_unchanged() -> None:
    assert get("/").content == PAGE


def test_api_docs_allow_exactly_their_inline_script_by_hash() -> None:
    response = get("/docs")
    inline = b"const ui = SwaggerUIBundle({url: '/openapi.json'})"
    digest = base64.b64encode(hashlib.sha256(inline).digest()).decode()
    script_src = policy(response)["script-src"]
    assert f"'sha256-{digest}'" in script_src
    assert "'unsafe-inline'" not in script_src
    assert response.content == DOCS  # buffered for hashing, delivered whole
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_inline_scripts_on_app_pages_get_no_hash() -> None:
    assert not any(source.startswith("'sha256-") for source in policy(get("/"))["script-src"])
