"""`POST /api/run`: parse the request, run the program in a worker, draw its graph, respond."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app.contract import RunResult, run_response
from app.middleware.rate_limit import client_of, report_run_time
from app.render.pipeline import render_graph
from app.routes.schema import RunRequest, RunResponse
from app.routes.state import app_settings, worker_pool
from app.wire import json_text
from app.worker.fair_queue import Owner
from app.worker.pool import PoolSaturated

router = APIRouter()


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
async def run_program(request: Request) -> Response:
    """Run a program; 200 with its transcript, error, warnings, graph and backward steps."""
    pool, settings = worker_pool(request), app_settings(request)
    run = parse_run_request(await read_body(request, settings.max_body_bytes), request)
    try:
        answer = await pool.run(run.code, run.lang, run.focus, Owner.of(*client_of(request.scope)))
    except PoolSaturated:
        raise HTTPException(
            503,
            "The server is busy running other programs; please retry shortly.",
            headers={"Retry-After": str(settings.retry_after_s)},
        ) from None
    report_run_time(request.scope, answer.run_ms / 1000)
    body = await run_in_threadpool(encode_response, answer.result, run.lang)
    # Server-Timing shows the worker's time in the browser's developer tools
    headers = {"Server-Timing": f"run;dur={answer.run_ms}"}
    return Response(body, media_type="application/json", headers=headers)


def encode_response(result: RunResult, lang: str) -> bytes:
    """The answer's JSON: the worker's result (the pool has checked every field against the
    `RunResult` model) with its picture. Runs in a thread: a big graph takes a while.
    """
    rendered = render_graph(result["graph"], lang)
    response = run_response(
        result, svg=rendered.svg, svg_message=rendered.message, collapsed=rendered.collapsed
    )
    return json_text(response).encode("utf-8")


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
