"""Schemathesis fuzzes every JSON API operation as an admin: no input may cause a server error,
and every successful response must match the published OpenAPI schema."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pilms.accounts.services import start_session
from pilms.config import Settings
from pilms.db import make_engine
from pilms.web.app import configure, create_app
from tests.factories import AdminFactory, CourseFactory, LessonFactory

# Schemathesis reads the schema when the module is collected, so it needs an app then; each
# test re-points that app at its own fresh database, as the shared app fixture does.
_folder = Path(tempfile.mkdtemp(prefix="pilms-fuzz-"))
FUZZ_APP = create_app(
    Settings(PILMS_DATA_DIR=_folder, session_secret="s" * 40, jwt_secret="j" * 40),
    engine=make_engine(f"sqlite:///{_folder}/unused.db", pool=False),
)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", FUZZ_APP)


@pytest.fixture
def admin_headers(db: Session, settings: Settings, engine: Engine) -> dict[str, str]:
    configure(FUZZ_APP, settings, engine=engine)
    admin = AdminFactory()
    LessonFactory(course=CourseFactory())
    return {"Authorization": f"Bearer {start_session(db, user=admin, ttl_seconds=3600)[0]}"}


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_operations_never_fail_and_match_their_schema(case, admin_headers) -> None:
    if case.path == "/api/auth/logout":
        return  # would end the session the other examples use
    response = case.call(headers=admin_headers)
    assert response.status_code < 500, response.text
    if response.status_code < 300:
        case.validate_response(response)
