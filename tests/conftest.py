"""Shared fixtures: a fresh database per test on SQLite and PostgreSQL, the app, clients.

PostgreSQL tests run when a server is reachable (PILMS_TEST_POSTGRES_URL, default the local
server); without one they are skipped with a line saying so, except under CI=true, where a
missing service is an error. Redis, Chromium and nginx tests do the same through `missing`.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from pilms.config import Settings
from pilms.db import make_engine, make_session_factory
from pilms.migrate import upgrade
from pilms.models import metadata
from pilms.web.app import configure, create_app
from tests import factories

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get(
    "PILMS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("PILMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def missing(what: str, why: str) -> None:
    """Skip (or, in CI, fail) a test whose service is not there."""
    message = f"{what} is not available: {why}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: nothing may be skipped)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}", pool=False)
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session, migrated once."""
    try:
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        missing(
            "PostgreSQL", f"cannot connect to {POSTGRES_URL.split('@')[-1]} ({type(exc).__name__})"
        )
    name = f"pilms_test_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    engine = make_engine(url, pool=False)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "pilms.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    url: str = request.getfixturevalue("postgres_database")
    yield url
    engine = create_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        PILMS_DATA_DIR=tmp_path / "data",
        database_uri=database_url,
        environment="test",
        session_secret="s" * 40,
        jwt_secret="j" * 40,
        max_upload_size=2 * 1024 * 1024,
    )


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    session = make_session_factory(engine)()
    factories.bind(session)
    yield session
    session.close()


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One app for the session: building its routes on first use costs ~0.1 s, so tests
    re-point this one at their own settings and database instead of making a new one."""
    folder = tmp_path_factory.mktemp("app")
    return create_app(
        Settings(PILMS_DATA_DIR=folder, session_secret="s" * 40, jwt_secret="j" * 40),
        engine=make_engine(f"sqlite:///{folder}/unused.db", pool=False),
    )


@pytest.fixture
def app(shared_app: FastAPI, settings: Settings, engine: Engine) -> FastAPI:
    configure(shared_app, settings, engine=engine)
    return shared_app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


def api_login(client: TestClient, email: str, password: str = factories.PASSWORD) -> dict[str, str]:
    """Sign in through the API; returns the Authorization header to send."""
    reply = client.post("/api/auth/login", json={"email": email, "password": password})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def page_login(client: TestClient, email: str, password: str = factories.PASSWORD) -> None:
    """Sign in through the sign-in form, as a browser does (cookie session + CSRF)."""
    form = client.get("/login")
    token = csrf_from(form.text)
    reply = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert reply.status_code == 303, reply.text


def csrf_from(html: str) -> str:
    marker = 'name="csrf_token" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]
