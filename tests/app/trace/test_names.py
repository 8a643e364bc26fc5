"""Names: every tensor in the graph is called what the program calls it, never an internal id."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import app

ARTICLE = """import torch
x = torch.tensor(2.0, requires_grad=True)
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b
y.backward()
"""


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(app) as c:
        yield c


def tensors(client: TestClient, code: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    body = client.post("/api/run", json={"code": code, "lang": "en"}).json()
    assert body["error"] is None
    return {n["id"]: n for n in body["graph"]["nodes"] if n["kind"] == "tensor"}, body


def test_unbound_tensor_is_labelled_by_its_source_expression(client: TestClient) -> None:
    nodes, body = tensors(client, ARTICLE)
    labels = {n["label"] for n in nodes.values()}
    assert {"x", "w", "b", "y", "(w·x)"} <= labels
    # the graph's drawing uses the same words, and no tensor id shows as a title
    svg = body["svg"]
    assert "(w·x)" in svg
    for nid in nodes:
        assert not re.search(rf">{nid}<", svg), nid


def test_bound_tensor_keeps_its_variable_name(client: TestClient) -> None:
    nodes, _ = tensors(client, ARTICLE)
    for n in nodes.values():
        if n["name"] is not None:
            assert n["label"] == n["name"]
        assert not re.fullmatch(r"t\d+", n["label"])
