"""The `/api/run` contract is one contract: the TypedDicts the code builds, the pydantic models the
HTTP edge validates with, the OpenAPI schema at /openapi.json and what is really sent agree."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from app import contract
from app.routes import schema
from app.trace.program_trace import ProgramTrace

if typing.TYPE_CHECKING:
    from starlette.testclient import TestClient

# contract TypedDict -> the model that mirrors it at the HTTP edge
PAIRS: dict[str, type[BaseModel]] = {
    "ValueSummary": schema.ValueSummary,
    "TensorNode": schema.TensorNode,
    "FunctionNode": schema.FunctionNode,
    "GraphEdge": schema.GraphEdge,
    "GraphJSON": schema.Graph,
    "SeedStep": schema.SeedStep,
    "StepInput": schema.StepInput,
    "GradFnStep": schema.GradFnStep,
    "FunctionStep": schema.FunctionStep,
    "AccumulateStep": schema.AccumulateStep,
    "BackwardEntry": schema.BackwardEntry,
    "RunError": schema.RunError,
    "RunWarning": schema.RunWarning,
    "RunResult": schema.RunResult,
    "RunResponse": schema.RunResponse,
}

PROGRAMS = {
    "article": "import torch\nx = torch.tensor(1.0, requires_grad=True)\n"
    "w = torch.tensor(2.0, requires_grad=True)\nb = torch.tensor(3.0, requires_grad=True)\n"
    "y = w * x + b\ny.backward()\nprint(x.grad, w.grad, b.grad)",
    "error": "import torch\nx = torch.ones(2, requires_grad=True)\nx.add_(1)",
    "warning": "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\ny.grad",
    "autograd.grad": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
    "(g,) = torch.autograd.grad((x ** 2).sum(), x)\nprint(g)",
    "summaries and non-finite": "import torch\nx = torch.linspace(-1, 1, 100, requires_grad=True)\n"
    "y = (x / 0.0).sum()\nz = torch.log(x).sum()\nz.backward()",
    "refused": "import os",
    "collapsed": "import torch\nx = torch.tensor(1.0, requires_grad=True)\ny = x\n"
    "for i in range(300):\n    y = y * 1.0 + 1.0\ny.backward()",
}


def typed_dicts() -> dict[str, type]:
    return {
        name: value
        for name, value in vars(contract).items()
        if inspect.isclass(value) and typing.is_typeddict(value)
    }


def model_keys(model: type[BaseModel]) -> tuple[set[str], set[str]]:
    """(required, optional) keys as they appear in JSON (aliases)."""
    required, optional = set(), set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        (required if field.is_required() else optional).add(key)
    return required, optional


def test_every_contract_type_has_its_model() -> None:
    assert set(typed_dicts()) == set(PAIRS)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_typed_dict_keys_and_model_fields_agree(name: str) -> None:
    typed = typed_dicts()[name]
    required, optional = model_keys(PAIRS[name])
    assert set(typed.__required_keys__) == required  # type: ignore[attr-defined]
    assert set(typed.__optional_keys__) == optional  # type: ignore[attr-defined]


def test_the_empty_graph_is_the_trace_s_own_empty_answer() -> None:
    graph, backward = ProgramTrace().finish({}, None)
    assert graph == contract.empty_graph() and backward == []


def test_openapi_describes_every_field_of_the_answer(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    ok = spec["paths"]["/api/run"]["post"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RunResponse"
    }
    schemas = spec["components"]["schemas"]
    answer = schemas["RunResponse"]
    assert set(answer["properties"]) == {
        "stdout", "error", "warnings", "graph", "backward", "svg", "svg_message",
    }  # fmt: skip
    assert set(answer["required"]) == set(answer["properties"])
    for name, model in PAIRS.items():
        if name in ("RunResult", "GradFnStep"):  # bases, not HTTP schemas of their own
            continue
        component = schemas[model.__name__]
        assert component.get("additionalProperties") is False, name
        required, optional = model_keys(model)
        assert set(component["properties"]) == required | optional, name
        for key, prop in component["properties"].items():
            assert prop.get("description"), f"{name}.{key} has no description"


def test_openapi_still_documents_the_run_request(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    body = spec["paths"]["/api/run"]["post"]["requestBody"]["content"]["application/json"]
    assert set(body["schema"]["properties"]) == {"code", "lang", "focus"}
    for prop in body["schema"]["properties"].values():
        assert prop.get("description")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_what_is_sent_is_a_valid_run_response(api: TestClient, name: str) -> None:
    for lang in ("en", "zh"):
        response = api.post("/api/run", json={"code": PROGRAMS[name], "lang": lang})
        assert response.status_code == 200
        body: dict[str, Any] = response.json()
        schema.RunResponse.model_validate(body)  # strict, and no field it does not describe
        required, optional = model_keys(schema.RunResponse)
        assert required <= set(body) <= required | optional


def test_the_model_refuses_a_field_the_contract_does_not_have(api: TestClient) -> None:
    body = api.post("/api/run", json={"code": PROGRAMS["article"]}).json()
    body["graph"]["nodes"][0]["onclick"] = "alert(1)"
    with pytest.raises(ValueError):
        schema.RunResponse.model_validate(body)
