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
from tests.conftest import csrf_from
from tests.factories import PASSWORD, EnrollmentFactory, LessonFactory, StudentFactory


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


def test_a_sign_in_does_not_wait_behind_page_views(
    app: FastAPI, settings: Settings, db: Session
) -> None:
    """Every handler thread and database slot is taken (by page views, say): sign-ins still go
    through, on the password threads, while a page view waits its turn."""
    student = StudentFactory()
    db.commit()
    credentials = {"email": student.email, "password": PASSWORD}

    async def sign_in_while_pages_have_everything() -> None:
        threads = anyio.to_thread.current_default_thread_limiter()
        slots: anyio.Semaphore = app.state.db_slots
        held_threads = [object() for _ in range(int(threads.total_tokens))]
        held_slots = slots.value

        def give_back() -> None:
            nonlocal held_slots
            while held_threads:
                threads.release_on_behalf_of(held_threads.pop())
            while held_slots:
                slots.release()
                held_slots -= 1

        async def give_back_after(deadline: float) -> None:  # a regression fails, not hangs
            await anyio.sleep_until(deadline)
            give_back()

        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            form = await client.get("/login")  # the CSRF cookie and field, before the rush
            for holder in held_threads:
                await threads.acquire_on_behalf_of(holder)
            for _ in range(held_slots):
                await slots.acquire()
            deadline = anyio.current_time() + 5
            try:
                async with anyio.create_task_group() as group:
                    group.start_soon(give_back_after, deadline)
                    with anyio.move_on_after(0.5) as waiting:
                        await client.get("/")
                    assert waiting.cancelled_caught  # a page view cannot go on
                    api = await client.post("/api/auth/login", json=credentials)
                    stranger = {"email": "nobody@school.test", "password": PASSWORD}
                    unknown = await client.post("/api/auth/login", json=stranger)
                    page = await client.post(
                        "/login", data={**credentials, "csrf_token": csrf_from(form.text)}
                    )
                    signed_in_at = anyio.current_time()
                    group.cancel_scope.cancel()
            finally:
                give_back()
        assert signed_in_at < deadline  # before the page views gave their places back
        assert api.status_code == 200
        assert unknown.status_code == 401
        assert page.status_code == 303

    with TestClient(app) as lifespan:
        assert lifespan.portal is not None
        lifespan.portal.call(sign_in_while_pages_have_everything)
