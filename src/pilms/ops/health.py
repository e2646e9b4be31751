"""Health endpoints for load balancers, compose health checks and people."""

from __future__ import annotations

import time
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text

from pilms import __version__

router = APIRouter(tags=["health"])


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


@router.get("/health", summary="Web process is up")
async def health() -> dict[str, Any]:
    return {"status": "ok", "service": "web", "version": __version__}


@router.get("/api/health", summary="API and database are up")
async def api_health(request: Request) -> JSONResponse:
    async with request.app.state.db_slots:  # a connection, like any request's (web.context)
        database = await anyio.to_thread.run_sync(database_status, request.app.state.engine)
    ok = database["status"] == "ok"
    return JSONResponse(
        {
            "status": "ok" if ok else "error",
            "service": "api",
            "version": __version__,
            "checks": {"database": database},
        },
        status_code=200 if ok else 503,
    )
