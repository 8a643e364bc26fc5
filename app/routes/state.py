"""What handlers need from the running app: its worker pool and its settings (set by app.main)."""

from __future__ import annotations

from fastapi import Request

from app.config import Settings
from app.worker.pool import WorkerPool


def worker_pool(request: Request) -> WorkerPool:
    """The app's worker pool (a FastAPI dependency)."""
    pool = request.app.state.pool
    assert isinstance(pool, WorkerPool)
    return pool


def app_settings(request: Request) -> Settings:
    """The app's settings (a FastAPI dependency)."""
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings
