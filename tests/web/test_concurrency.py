"""A whole class at once: requests queue for a database session instead of deadlocking."""

from __future__ import annotations

import anyio
import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pilms.accounts.services import start_session
from pilms.config import Settings
from pilms.db import make_engine
from pilms.web.app import configure
from tests.factories import EnrollmentFactory, LessonFactory, StudentFactory


def test_more_requests_than_connections_and_threads_all_succeed(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    """Two connections, four threads, thirty students opening a lesson at the same moment.

    Before requests took a slot per session, threads blocked waiting for a connection while the
    requests holding the connections waited for a thread, until the pool gave up (a 500).
    The class runs in the test client's own event loop thread: the browser tests' Playwright
    keeps a loop marked as running in the main thread."""
    lesson = LessonFactory(published=True)
    lesson.course.published = True
    tokens = []
    for _ in range(30):
        student = StudentFactory()
        EnrollmentFactory(user=student, course=lesson.course)
        tokens.append(start_session(db, user=student, ttl_seconds=3600)[0])
    db.commit()
    small = make_engine(settings.database_url, pool_size=2, pool_timeout=3)
    configure(app, settings.model_copy(update={"web_threads": 4}), engine=small)
    statuses: list[int] = []

    async def open_lesson(client: httpx.AsyncClient, token: str) -> None:
        reply = await client.get(
            f"/api/lessons/{lesson.id}", headers={"Authorization": f"Bearer {token}"}
        )
        statuses.append(reply.status_code)

    async def whole_class() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            with anyio.fail_after(30):
                async with anyio.create_task_group() as group:
                    for token in tokens:
                        group.start_soon(open_lesson, client, token)

    try:
        with TestClient(app) as lifespan:  # runs the app's start-up (the thread limit)
            assert lifespan.portal is not None
            lifespan.portal.call(whole_class)
    finally:
        small.dispose()
    assert statuses == [200] * 30


def test_request_handlers_get_the_configured_number_of_threads(
    shared_app: FastAPI, settings: Settings, engine: Engine
) -> None:
    configure(shared_app, settings.model_copy(update={"web_threads": 3}), engine=engine)

    async def threads() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    with TestClient(shared_app) as client:
        assert client.portal is not None
        assert client.portal.call(threads) == 3
