"""A full disk: saves are refused with a message, what was typed comes back, nothing saved before
is lost, students go on reading, and everything works again once there is space.

The disk is real: a 4 MB tmpfs holding the data folder (SQLite database and media), filled up
with a ballast file. Mounting needs root, which CI has.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select, text

from pilms.config import Settings
from pilms.courses.models import Lesson, LessonView
from pilms.db import make_engine, make_session_factory
from pilms.errors import StorageFull
from pilms.media.models import MediaItem
from pilms.web.app import configure
from tests import factories
from tests.conftest import api_login, csrf_from, missing, page_login
from tests.factories import CourseFactory, EnrollmentFactory, LessonFactory, StudentFactory

TYPED = "Forty minutes of typing about volcanoes."


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        missing("a small file system to fill", "mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        missing("a small file system to fill", mounted.stderr.strip())
    try:
        yield disk
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def fill(disk: Path) -> Path:
    """Write a ballast file until not one byte more fits."""
    ballast = disk / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, bytes(size))
    finally:
        os.close(fd)
    assert os.statvfs(disk).f_bavail == 0
    return ballast


def png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "PNG")
    return out.getvalue()


def test_a_full_disk_refuses_saves_keeps_what_was_typed_and_loses_nothing(
    small_disk: Path, sqlite_template: Path, shared_app: FastAPI
) -> None:
    data = small_disk / "data"
    data.mkdir()
    shutil.copyfile(sqlite_template, data / "pilms.db")
    settings = Settings(
        PILMS_DATA_DIR=data, environment="test", session_secret="s" * 40, jwt_secret="j" * 40
    )
    engine = make_engine(settings.database_url)
    configure(shared_app, settings, engine=engine)
    db = make_session_factory(engine)()
    factories.bind(db)
    try:
        course = CourseFactory(published=True)
        before = LessonFactory(
            course=course, published=True, content="<p>Saved before the disk filled.</p>"
        )
        student = StudentFactory()
        EnrollmentFactory(user=student, course=course)
        db.commit()
        with TestClient(shared_app) as teacher, TestClient(shared_app) as reader:
            api = api_login(teacher, course.instructor.email)  # before the cookie: no CSRF
            page_login(teacher, course.instructor.email)
            page_login(reader, student.email)
            health = teacher.get("/api/health").json()
            assert health["checks"]["storage"]["status"] == "low"  # 4 MB is not much
            ballast = fill(small_disk)
            health = teacher.get("/api/health").json()
            assert (health["status"], health["checks"]["storage"]) == (
                "degraded",
                {"status": "full", "free_mb": 0},
            )
            assert health["checks"]["database"]["status"] == "ok"

            # The editor: a new lesson and an edit are refused; the teacher's text comes back.
            new_form = f"/courses/{course.id}/lessons/new"
            token = csrf_from(teacher.get(new_form).text)
            lesson_form = {"title": "Volcanoes", "content": f"<p>{TYPED}</p>", "csrf_token": token}
            reply = teacher.post(new_form, data=lesson_form)
            assert reply.status_code == 507
            assert "The server&#39;s storage is full, so this was not saved" in reply.text
            assert TYPED in reply.text
            assert 'value="Volcanoes"' in reply.text
            edit_form = f"/lessons/{before.id}/edit"
            token = csrf_from(teacher.get(edit_form).text)
            reply = teacher.post(
                edit_form, data={"title": "Changed", "content": TYPED, "csrf_token": token}
            )
            assert reply.status_code == 507
            assert TYPED in reply.text

            # The API says the same, in its error shape.
            reply = teacher.post(
                f"/api/courses/{course.id}/lessons", headers=api, json={"title": "Rivers"}
            )
            assert reply.status_code == 507
            assert reply.json()["error"]["code"] == "storage_full"
            files = {"file": ("map.png", png(), "image/png")}
            reply = teacher.post("/api/media", headers=api, files=files)
            assert reply.status_code == 507
            assert reply.json()["error"]["code"] == "storage_full"
            assert not [p for p in (data / "media").rglob("*") if p.is_file()]

            # Students go on reading (their visit is not noted while the disk is full).
            reply = reader.get(f"/lessons/{before.id}")
            assert reply.status_code == 200
            assert "Saved before the disk filled." in reply.text

            # Space again: the same saves go through.
            ballast.unlink()
            assert teacher.post(new_form, data=lesson_form).status_code == 200  # redirects
            assert teacher.post("/api/media", headers=api, files=files).status_code == 201
            assert reader.get(f"/lessons/{before.id}").status_code == 200

        db.expire_all()
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        lessons = {row.title: row.content for row in db.scalars(select(Lesson))}
        assert lessons[before.title] == "<p>Saved before the disk filled.</p>"
        assert lessons["Volcanoes"] == f"<p>{TYPED}</p>"
        assert set(lessons) == {before.title, "Volcanoes"}
        assert db.scalar(select(func.count()).select_from(MediaItem)) == 1
        assert db.scalar(select(func.count()).select_from(LessonView)) == 1
    finally:
        db.close()
        engine.dispose()


@pytest.mark.postgres
def test_a_full_disk_on_the_database_server_is_reported_as_such(postgres_database: str) -> None:
    """PostgreSQL says disk_full (SQLSTATE 53100) when it cannot extend a file."""
    engine = make_engine(postgres_database, pool=False)
    raise_disk_full = (
        "DO $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$"
    )
    try:
        with pytest.raises(StorageFull), engine.connect() as connection:
            connection.execute(text(raise_disk_full))
    finally:
        engine.dispose()
