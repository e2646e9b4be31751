"""`pilms check`: what is configured, reachable and missing. Makes no outside network call
except to services the configuration names (Redis, Ollama)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from pilms.config import Settings
from pilms.db import make_engine
from pilms.migrate import current_revision, head_revision
from pilms.ops.health import database_status, storage_status

Check = tuple[str, str, str]


def run_checks(settings: Settings) -> Iterator[Check]:
    yield "environment", "ok", settings.environment
    yield from _storage(settings)
    yield from _database(settings)
    yield from _redis(settings)
    yield from _ollama(settings)
    yield (
        "gemini",
        "ok" if settings.gemini_api_key else "off",
        "GEMINI_API_KEY set" if settings.gemini_api_key else "not configured (offline)",
    )
    yield (
        "youtube",
        "ok" if settings.youtube_api_key else "off",
        "YOUTUBE_API_KEY set" if settings.youtube_api_key else "not configured (offline)",
    )


def _database(settings: Settings) -> Iterator[Check]:
    engine = make_engine(settings.database_url, pool=False)
    status = database_status(engine)
    if status["status"] != "ok":
        yield "database", "error", f"{status['backend']}: cannot connect ({status.get('error')})"
        return
    current, head = current_revision(engine), head_revision()
    if current == head:
        yield "database", "ok", f"{status['backend']}, schema up to date ({head})"
    else:
        yield (
            "database",
            "warn",
            f"{status['backend']}, schema at {current}, needs {head}: run `pilms migrate`",
        )
    engine.dispose()


def _storage(settings: Settings) -> Iterator[Check]:
    settings.media_dir.mkdir(parents=True, exist_ok=True)
    storage = storage_status(settings.data_dir, settings.media_dir)
    status = {"ok": "ok", "low": "warn"}.get(storage["status"], "error")
    free = f"{storage['free_mb'] / 1024:.1f} GB free"
    if storage["status"] == "full":
        free += ": saves are refused until space is freed"
    yield "data folder", status, f"{settings.data_dir.resolve()} ({free})"


def _redis(settings: Settings) -> Iterator[Check]:
    if not settings.redis_url:
        yield "redis", "off", "not configured: sessions and limits kept in-process/database"
        return
    try:
        import redis

        client = redis.Redis.from_url(settings.redis_url, socket_timeout=2)
        client.ping()
        yield "redis", "ok", "reachable"
    except Exception as exc:
        yield "redis", "error", f"not reachable ({type(exc).__name__})"


def _ollama(settings: Settings) -> Iterator[Check]:
    try:
        reply = httpx.get(f"{settings.ollama_host.rstrip('/')}/api/version", timeout=2)
        reply.raise_for_status()
        yield "ollama", "ok", f"version {reply.json().get('version')} at {settings.ollama_host}"
    except Exception:
        yield (
            "ollama",
            "warn",
            f"not reachable at {settings.ollama_host} (AI tutor falls back to lesson passages)",
        )
