"""The FastAPI app: thin routes for `POST /api/run` and `GET /healthz`, plus the page routers.

Handlers only parse, call and respond: programs run in `app.pool`'s workers, graphs are drawn by
`app.render`. Every answer is JSON without NaN/Infinity, and no traceback reaches a client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from app import routes_lessons, routes_pages
from app.config import Settings, get_settings
from app.middleware import install as install_middleware
from app.pool import PoolSaturated, WorkerPool
from app.program import json_text
from app.render import render_graph

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


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


class SafeJSONResponse(JSONResponse):
    """JSON with non-finite floats sent as strings, never as NaN/Infinity literals."""

    def render(self, content: Any) -> bytes:
        return json_text(content).encode("utf-8")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app with its own worker pool (started and stopped with the app's lifespan)."""
    settings = settings or get_settings()
    pool = WorkerPool(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    app = FastAPI(
        title="Autograd Lab",
        summary="Run PyTorch autograd programs in a sandbox and see their graphs.",
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
    )
    app.state.pool = pool
    app.state.settings = settings
    install_middleware(app, settings)  # security headers, access log, rate limits

    @app.post(
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
    async def run_program(request: Request) -> SafeJSONResponse:
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

    @app.get("/healthz")
    async def get_health() -> dict[str, Any]:
        """Liveness: the process answers and its workers are up."""
        running, waiting = pool.load
        return {"status": "ok", "workers": pool.alive, "running": running, "waiting": waiting}

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> SafeJSONResponse:
        return SafeJSONResponse({"detail": "Internal Server Error"}, status_code=500)

    app.include_router(routes_pages.router)
    app.include_router(routes_lessons.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


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


app = create_app()
