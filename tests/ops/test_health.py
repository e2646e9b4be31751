from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_health_endpoints(client: TestClient) -> None:
    web = client.get("/health")
    assert web.status_code == 200
    assert web.json()["status"] == "ok"
    api = client.get("/api/health")
    assert api.status_code == 200
    checks = api.json()["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["storage"]["free_mb"] >= 0
    # Overall "ok" unless the machine running the tests is itself short of space.
    assert api.json()["status"] == ("ok" if checks["storage"]["status"] == "ok" else "degraded")


def test_api_health_reports_a_broken_database(client: TestClient, app: FastAPI) -> None:
    from pilms.db import make_engine

    good = app.state.engine
    app.state.engine = make_engine("sqlite:////nonexistent-dir/x.db", pool=False)
    try:
        reply = client.get("/api/health")
    finally:
        app.state.engine = good
    assert reply.status_code == 503
    assert reply.json()["checks"]["database"]["status"] == "error"


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/login", "/api/health", "/static/css/app.css"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]


def test_openapi_documents_the_public_contract(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in (
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/users",
        "/api/courses",
        "/api/courses/{course_id}/lessons",
        "/api/lessons/{lesson_id}",
        "/api/courses/{course_id}/enrollments",
        "/api/media",
        "/api/health",
    ):
        assert path in spec["paths"], path
    assert not any(p.startswith(("/courses", "/admin", "/login")) for p in spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    reply = client.get("/api/nothing-here")
    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "not_found"
