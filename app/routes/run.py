"""`POST /api/run`: parse the request, run the program in a worker, draw its graph, respond."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from app.config import Settings
from app.render.pipeline import render_graph
from app.routes.response import SafeJSONResponse
from app.routes.state import app_settings, worker_pool
from app.worker.pool import PoolSaturated, WorkerPool

router = APIRouter()


class RunRequest(BaseModel):
    """A program to run: its text, the learner's language, optionally the tensor to focus on."""

    model_config = ConfigDict(extra="ignore", strict=True)

    code: str
    lang: Literal["en", "zh"] = "en"
    focus: str | None = Field(default=None, max_length=100)


class RunError(BaseModel):
    type: str
    message: str
    line: int | None
    hint: str | None = None


class RunWarning(BaseModel):
    category: str
    message: str
    line: int | None


class RunResponse(BaseModel):
    """What `POST /api/run` answers for every program (see docs/architecture.md)."""

    stdout: str
    error: RunError | None
    warnings: list[RunWarning]
    graph: dict[str, Any]
    svg: str | None
    backward: list[dict[str, Any]]


@router.post(
    "/api/run",
    response_model=RunResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": RunRequest.model_json_schema()}},
        }
    },
    responses={413: {}, 415: {}, 422: {}, 503: {}},
)
async def run_program(
    request: Request,
    pool: Annotated[WorkerPool, Depends(worker_pool)],
    settings: Annotated[Settings, Depends(app_settings)],
) -> SafeJSONResponse:
    """Run a program; 200 with its transcript, error, warnings, graph and backward steps."""
    run = parse_run_request(await read_body(request, settings.max_body_bytes), request)
    try:
        result = await pool.run(run.code, run.lang, run.focus)
    except PoolSaturated:
        raise HTTPException(
            503,
            "The server is busy running other programs; please retry shortly.",
            headers={"Retry-After": str(settings.retry_after_s)},
        ) from None
    run_ms = result.pop("run_ms", None)
    rendered = await run_in_threadpool(render_graph, result["graph"], run.lang)
    graph = result["graph"]
    if isinstance(graph, dict):
        graph = {**graph, "collapsed": rendered.collapsed}
    # the worker's time, which app.middleware charges slow programs for (not queueing)
    timing = {} if run_ms is None else {"Server-Timing": f"run;dur={run_ms}"}
    return SafeJSONResponse(
        {**result, "graph": graph, "svg": rendered.svg, "svg_message": rendered.message},
        headers=timing,
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes (never read whole)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_run_request(body: bytes, request: Request) -> RunRequest:
    """The request as a `RunRequest`: 415 for a body that is not JSON, 422 for the wrong shape."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise HTTPException(415, "Send the program as JSON (Content-Type: application/json).")
    try:
        return RunRequest.model_validate_json(body)
    except ValidationError as exc:
        detail = exc.errors(include_url=False, include_context=False, include_input=False)
        raise HTTPException(422, detail) from None
