"""What handlers need from the running app: its worker pool and its settings (set by app.main).

Plain calls, not FastAPI dependencies: resolving `Depends` costs more per request (about half a
millisecond for two, measured on /api/run) than the lookup itself.
"""

from __future__ import annotations

from fastapi import Request

from app.config import Settings
from app.worker.pool import WorkerPool


def worker_pool(request: Request) -> WorkerPool:
    """The app's worker pool."""
    pool = request.app.state.pool
    assert isinstance(pool, WorkerPool)
    return pool


def app_settings(request: Request) -> Settings:
    """The app's settings."""
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings
