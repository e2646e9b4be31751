"""The `pilms` command, in-process through Typer's runner and once for real as a server."""

from __future__ import annotations

import http.client
import re
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from pilms.cli import app
from tests.servers import free_port, serve, server_environment, wait_healthy

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("PILMS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URI", raising=False)
    monkeypatch.chdir(tmp_path)
    return {"PILMS_DATA_DIR": str(tmp_path / "data")}


def test_migrate_create_export_import_reset(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["migrate"])
    assert result.exit_code == 0, result.output
    assert "revision" in result.output
    result = runner.invoke(
        app,
        [
            "user",
            "create",
            "--email",
            "Boss@School.test",
            "--name",
            "Boss",
            "--role",
            "admin",
            "--password",
            "a long password",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        [
            "user",
            "create",
            "--email",
            "boss@school.test",
            "--name",
            "Again",
            "--role",
            "admin",
            "--password",
            "a long password",
        ],
    )
    assert result.exit_code == 1
    assert "already exists" in result.output
    result = runner.invoke(
        app,
        [
            "user",
            "create",
            "--email",
            "t@school.test",
            "--name",
            "T",
            "--role",
            "instructor",
            "--password-stdin",
        ],
        input="from standard input\n",
    )
    assert result.exit_code == 0, result.output
    csv_file = tmp_path / "users.csv"
    csv_file.write_text("email,name,role\nana@school.test,Ana,student\nbad,Bad,student\n")
    preview = runner.invoke(app, ["user", "import", str(csv_file)], input="n\n")
    assert preview.exit_code == 1
    assert "1 to create" in preview.output
    assert "line 3" in preview.output
    assert "Nothing was changed" in preview.output
    applied = runner.invoke(app, ["user", "import", str(csv_file), "--yes"])
    assert applied.exit_code == 0, applied.output
    assert "Created 1" in applied.output
    exported = runner.invoke(app, ["user", "export"])
    assert exported.exit_code == 0
    assert "ana@school.test" in exported.output
    assert "boss@school.test" in exported.output
    reset = runner.invoke(app, ["user", "reset-password", "--email", "ana@school.test"])
    assert reset.exit_code == 0
    assert re.search(r"Temporary password for ana@school.test: \S{12}", reset.output)
    unknown = runner.invoke(app, ["user", "reset-password", "--email", "nobody@school.test"])
    assert unknown.exit_code == 1


def test_check_reports_what_is_configured(env: dict[str, str]) -> None:
    runner.invoke(app, ["migrate"])
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "schema up to date" in result.output
    assert "redis" in result.output
    assert "not configured" in result.output


def test_production_refuses_to_start_without_secrets(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.delenv("SESSION_SECRET", raising=False)
    monkeypatch.setenv("JWT_SECRET", "your-jwt-secret-here-change-this")
    result = runner.invoke(app, ["migrate"])
    assert result.exit_code == 2
    assert "SESSION_SECRET, JWT_SECRET must be set" in result.output


def test_serve_with_demo_starts_a_working_classroom(tmp_path: Path) -> None:
    """What `make run` does: migrate, load the demo school, print the admin's password, serve."""
    port = free_port()
    environment = server_environment(tmp_path / "data")
    process = serve(environment, port, tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        wait_healthy(base, deadline)
        process.terminate()
        output, _ = process.communicate(timeout=20)
        match = re.search(r"Admin:\s+(\S+)\s+password (\S+)", output)
        assert match, output
        # Start again on the same data: no second demo, the admin's password still works.
        process = serve(environment, port, tmp_path)
        wait_healthy(base, deadline)
        login = httpx.post(
            f"{base}/api/auth/login", json={"email": match.group(1), "password": match.group(2)}
        )
        assert login.status_code == 200
        token = login.json()["token"]
        courses = httpx.get(f"{base}/api/courses", headers={"Authorization": f"Bearer {token}"})
        assert courses.json()["total"] == 3
        # A student reading a page for a while keeps the connection to the server.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for pause in (0, 6):
            time.sleep(pause)
            connection.request("GET", "/health")
            assert connection.getresponse().read()
        connection.close()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=20)
    assert "Demo school loaded" not in output


def test_a_killed_server_loses_nothing_it_acknowledged(tmp_path: Path) -> None:
    """kill -9 right after a save was answered: the lesson is there after a restart."""
    port = free_port()
    environment = server_environment(tmp_path / "data")
    base = f"http://127.0.0.1:{port}"
    process = serve(environment, port, tmp_path)
    try:
        wait_healthy(base, time.monotonic() + 60)
        accounts = (tmp_path / "data" / "demo-accounts.txt").read_text()
        match = re.search(r"instructor\s+(\S+)\s+password: (\S+)", accounts)
        assert match
        token = httpx.post(
            f"{base}/api/auth/login", json={"email": match.group(1), "password": match.group(2)}
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        course = httpx.get(f"{base}/api/courses", headers=headers).json()["items"][0]
        created = [
            httpx.post(
                f"{base}/api/courses/{course['id']}/lessons",
                headers=headers,
                json={"title": f"Saved {n}", "content": "<p>x</p>"},
            ).json()["id"]
            for n in range(5)
        ]
        process.kill()  # SIGKILL: no shutdown, no checkpoint
        process.wait(timeout=10)
        process = serve(environment, port, tmp_path)
        wait_healthy(base, time.monotonic() + 60)
        for lesson_id in created:
            reply = httpx.get(f"{base}/api/lessons/{lesson_id}", headers=headers)
            assert reply.status_code == 200
    finally:
        process.terminate()
        process.communicate(timeout=20)
