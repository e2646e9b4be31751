"""Health endpoints for load balancers, compose health checks and people."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text

from pilms import __version__

router = APIRouter(tags=["health"])

# Free space under which the data folders are reported "low" (time to clean up) and "full"
# (saves are being refused: errors.StorageFull).
LOW_SPACE_BYTES = 1024**3
FULL_SPACE_BYTES = 1024**2


def database_status(engine: Engine) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        return {"status": "error", "backend": engine.dialect.name, "error": type(exc).__name__}
    return {
        "status": "ok",
        "backend": engine.dialect.name,
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }


def storage_status(*folders: Path) -> dict[str, Any]:
    """Free space where the database and media live (the least of them, if they differ)."""
    free = min(shutil.disk_usage(folder).free for folder in folders)
    if free < FULL_SPACE_BYTES:
        status = "full"
    elif free < LOW_SPACE_BYTES:
        status = "low"
    else:
        status = "ok"
    return {"status": status, "free_mb": free // 1024**2}


@router.get("/health", summary="Web process is up")
async def health() -> dict[str, Any]:
    return {"status": "ok", "service": "web", "version": __version__}


@router.get("/api/health", summary="API and database are up; free space")
async def api_health(request: Request) -> JSONResponse:
    """503 `error` when the database cannot be reached; 200 `degraded` when space runs low or
    out (reading still works, saves may be refused); otherwise 200 `ok`."""
    settings = request.app.state.settings
    async with request.app.state.db_slots:  # a connection, like any request's (web.context)
        database = await anyio.to_thread.run_sync(database_status, request.app.state.engine)
    storage = storage_status(settings.data_dir, settings.media_dir)
    if database["status"] != "ok":
        status = "error"
    elif storage["status"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JSONResponse(
        {
            "status": status,
            "service": "api",
            "version": __version__,
            "checks": {"database": database, "storage": storage},
        },
        status_code=503 if status == "error" else 200,
    )
