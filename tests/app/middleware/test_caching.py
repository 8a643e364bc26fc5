"""Static files come compressed, vendor files cached for a year, our own files revalidated."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

VENDOR_JS = "/static/vendor/codemirror-6.0.2.js"


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())  # no lifespan: static files and pages need no workers


def test_versioned_vendor_file_is_immutable_and_gzipped(client: TestClient) -> None:
    plain = client.get(VENDOR_JS, headers={"accept-encoding": "identity"})
    with client.stream("GET", VENDOR_JS, headers={"accept-encoding": "gzip"}) as r:
        sent = sum(len(chunk) for chunk in r.iter_raw())  # the bytes on the wire
    r = client.get(VENDOR_JS, headers={"accept-encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert r.headers["content-encoding"] == "gzip"
    assert sent < len(plain.content) / 2
    assert r.content == plain.content  # the client decodes: the same script after gunzip
    assert "content-encoding" not in plain.headers


def test_katex_directory_is_versioned(client: TestClient) -> None:
    r = client.get("/static/vendor/katex-0.19.1/katex.min.css")
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_own_static_files_revalidate_with_etag(client: TestClient) -> None:
    first = client.get("/static/favicon.svg")
    again = client.get("/static/favicon.svg", headers={"if-none-match": first.headers["etag"]})
    assert first.headers["cache-control"] == "no-cache"
    assert again.status_code == 304


def test_pages_are_compressed_but_not_given_static_caching(client: TestClient) -> None:
    r = client.get("/", headers={"accept-encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "gzip"
    assert "immutable" not in r.headers.get("cache-control", "")
    assert "content-security-policy" in r.headers
    assert b"<!doctype html" in r.content.lower()
