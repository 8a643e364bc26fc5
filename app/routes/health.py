"""`GET /healthz`: a cheap liveness check (the process answers and its workers are up)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app.routes.state import worker_pool

router = APIRouter()


@router.get("/healthz")
async def get_health(request: Request) -> dict[str, Any]:
    """Liveness: the process answers and its workers are up."""
    pool = worker_pool(request)
    running, waiting = pool.load
    return {"status": "ok", "workers": pool.alive, "running": running, "waiting": waiting}
