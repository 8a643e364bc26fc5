"""POST /api/run and GET /healthz through the ASGI client, with real worker processes."""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from tests.app.interpreter.test_cases import CASES, outcome

if TYPE_CHECKING:
    from starlette.testclient import TestClient

RunApi = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("name", sorted(CASES))
def test_program_through_api_matches_pytorch(run_api: RunApi, name: str) -> None:
    case = CASES[name]
    body = run_api(case["source"])
    expected = outcome(case["stdout"], case["error"], case["warnings"])
    assert outcome(body["stdout"], body["error"], body["warnings"]) == expected


def test_answer_has_every_field_of_the_contract(run_api: RunApi) -> None:
    body = run_api(
        "import torch\nw = torch.tensor(1.0, requires_grad=True)\ny = w * 2\ny.backward()"
    )
    assert set(body) == {"stdout", "error", "warnings", "graph", "svg", "svg_message", "backward"}
    assert body["svg_message"] is None  # drawn whole
    assert {"nodes", "edges"} <= set(body["graph"])
    assert len(body["backward"]) == 1
    assert body["backward"][0]["line"] == 4
    assert body["svg"].startswith("<svg")


def test_error_carries_hint_in_the_requested_language(run_api: RunApi) -> None:
    en = run_api("import os")["error"]
    zh = run_api("import os", lang="zh")["error"]
    assert en["type"] == zh["type"] == "NotAllowed"
    assert en["message"] == zh["message"] == "importing 'os' is not allowed (line 1)"
    assert en["hint"] != zh["hint"]
    assert "torch" in en["hint"] and "导入" in zh["hint"]


def test_non_finite_numbers_are_strings_in_json(api: TestClient) -> None:
    code = "import torch\nx = torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0])\nx"
    response = api.post("/api/run", json={"code": code})
    assert response.status_code == 200
    text = response.text
    assert "NaN" not in text and "Infinity" not in text
    body = json.loads(text, parse_constant=lambda c: pytest.fail(f"JSON constant {c}"))
    assert body["stdout"] == "tensor([nan, inf, -inf, 1.])\n"
    data = next(n["data"] for n in body["graph"]["nodes"] if n.get("name") == "x")
    assert data[:3] == ["nan", "inf", "-inf"] and math.isclose(data[3], 1.0)


def test_a_float_overflow_is_a_clear_error(run_api: RunApi) -> None:
    error = run_api("x = 2.0 ** 10000")["error"]
    assert (error["type"], error["message"]) == (
        "OverflowError",
        "(34, 'Numerical result out of range')",
    )


def test_healthz_reports_live_workers(api: TestClient) -> None:
    response = api.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["workers"] == 2


def test_openapi_documents_the_run_request(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    body = schema["paths"]["/api/run"]["post"]["requestBody"]["content"]["application/json"]
    assert set(body["schema"]["properties"]) == {"code", "lang", "focus"}


def test_lang_defaults_to_english(run_api: RunApi) -> None:
    assert run_api("print('hi')")["stdout"] == "hi\n"


def test_focus_is_accepted(run_api: RunApi) -> None:
    code = "import torch\na = torch.tensor(1.0, requires_grad=True)\nb = a * 2"
    body = run_api(code, focus="a")
    assert body["error"] is None
    assert body["graph"]["focus"] in ("a", None)


def test_a_graph_too_big_to_draw_whole_says_so_in_the_request_language() -> None:
    from app.config import Settings
    from app.main import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    code = "import torch\nx = torch.tensor(1.0, requires_grad=True)\ny = x\n"
    code += "for i in range(300):\n    y = y * 1.0 + 1.0\ny.backward()\n"
    settings = Settings(workers=1, rate_limit_enabled=False)
    with TestClient(create_app(settings)) as client:
        body = client.post("/api/run", json={"code": code, "lang": "en"}).json()
        zh = client.post("/api/run", json={"code": code, "lang": "zh"}).json()
    assert body["error"] is None
    assert body["graph"]["collapsed"] is True
    assert body["svg_message"] and zh["svg_message"]
    assert body["svg_message"] != zh["svg_message"]
