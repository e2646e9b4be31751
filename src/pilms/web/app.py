"""The application factory: one FastAPI app that serves pages, the JSON API and media."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from pilms import __version__
from pilms.accounts import api as accounts_api
from pilms.accounts import pages as accounts_pages
from pilms.accounts.passwords import HASHES_AT_ONCE
from pilms.config import Settings
from pilms.courses import api as courses_api
from pilms.courses import pages as courses_pages
from pilms.db import connection_limit, make_engine, make_session_factory
from pilms.media import api as media_api
from pilms.media import pages as media_pages
from pilms.media.services import remove_abandoned_uploads
from pilms.ops import health
from pilms.web import apidocs
from pilms.web.context import RateLimits, db_slots
from pilms.web.errors import install_error_handlers
from pilms.web.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from pilms.web.templating import STATIC_DIR, make_templates

API_DESCRIPTION = """JSON API of Pi-LMS.

Sign in with `POST /api/auth/login` (`{"email", "password"}`) and send the returned token as
`Authorization: Bearer <token>`. Errors are `{"error": {"code", "message", "details"}}`.
List endpoints take `offset` and `limit` and answer `{"items", "total", "offset", "limit"}`.
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.web_threads
    await anyio.to_thread.run_sync(remove_abandoned_uploads, settings.media_dir)
    yield


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    app = FastAPI(
        lifespan=lifespan,
        title="Pi-LMS",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # served by web.apidocs from local files
        redoc_url=None,
    )
    configure(app, settings, engine=engine)
    install_error_handlers(app)
    # Room for multipart framing and the form's other fields beside the file itself.
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=lambda: app.state.settings.max_upload_size + 1024 * 1024,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (
        health,
        apidocs,
        accounts_api,
        courses_api,
        media_api,
        accounts_pages,
        courses_pages,
        media_pages,
    ):
        app.include_router(module.router)
    return app


def configure(app: FastAPI, settings: Settings, *, engine: Engine | None = None) -> None:
    """Attach what the app shares between requests: settings, database, templates, limits."""
    engine = engine or make_engine(settings.database_url)
    settings.media_dir.mkdir(parents=True, exist_ok=True)
    app.state.settings = settings
    app.state.engine = engine
    app.state.db_factory = make_session_factory(engine)
    app.state.db_slots = db_slots(
        connection_limit(engine), settings.web_threads, reserved=HASHES_AT_ONCE
    )
    app.state.password_threads = anyio.CapacityLimiter(HASHES_AT_ONCE)
    app.state.templates = make_templates()
    app.state.rate_limits = RateLimits(settings.redis_url or "memory://")
