"""The app factory: `create_app` wires settings, the worker pool, middleware and the routes.

Handlers live in `app.routes`; programs run in `app.worker`'s processes; graphs are drawn by
`app.render`. Every answer is JSON without NaN/Infinity, and no traceback reaches a client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from app.config import Settings, get_settings
from app.middleware import install as install_middleware
from app.routes import health, lessons, pages, run
from app.routes.response import SafeJSONResponse
from app.routes.schema import check_result
from app.worker.pool import WorkerPool

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app with its own worker pool (started and stopped with the app's lifespan)."""
    settings = settings or get_settings()
    pool = WorkerPool(settings, check=check_result)  # every answer's fields, off the loop

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
    install_middleware(app, settings)  # caching, security headers, access log, rate limits
    # gzip outermost: the middleware above read and hash plain bodies
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> SafeJSONResponse:
        return SafeJSONResponse({"detail": "Internal Server Error"}, status_code=500)

    app.include_router(run.router)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.include_router(lessons.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


app = create_app()
