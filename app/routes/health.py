"""`GET /healthz`: a cheap liveness check (the process answers and its workers are up)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from app.routes.state import worker_pool
from app.worker.pool import WorkerPool

router = APIRouter()


@router.get("/healthz")
async def get_health(pool: Annotated[WorkerPool, Depends(worker_pool)]) -> dict[str, Any]:
    """Liveness: the process answers and its workers are up."""
    running, waiting = pool.load
    return {"status": "ok", "workers": pool.alive, "running": running, "waiting": waiting}
