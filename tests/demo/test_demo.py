from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.accounts.models import User
from pilms.config import Settings
from pilms.courses.models import Course, Enrollment, Lesson, LessonView
from pilms.demo import content
from pilms.demo.loader import DemoExists, load_demo
from pilms.media.models import MediaItem
from tests.conftest import api_login


def test_demo_school_is_complete_and_usable(
    db: Session, settings: Settings, client: TestClient
) -> None:
    accounts = load_demo(db, settings=settings)
    assert db.scalar(select(func.count()).where(User.role == "admin")) == 1
    assert db.scalar(select(func.count()).where(User.role == "instructor")) == 2
    assert db.scalar(select(func.count()).where(User.role == "student")) == 30
    assert db.scalar(select(func.count(Course.id))) == 3
    assert db.scalar(select(func.count(Lesson.id))) == sum(len(c.lessons) for c in content.COURSES)
    assert (db.scalar(select(func.count(Enrollment.id))) or 0) > 60
    assert (db.scalar(select(func.count()).select_from(LessonView)) or 0) > 0
    kinds = set(db.scalars(select(MediaItem.kind)))
    assert kinds == {"image", "audio"}
    for lesson in db.scalars(select(Lesson)):
        assert "asset:" not in lesson.content
        for url in re.findall(r'src="([^"]+)"', lesson.content):
            assert client.get(url).status_code == 200, url
    # The generated passwords work, and are not a fixed default.
    assert api_login(client, accounts.admin_email, accounts.admin_password)
    assert api_login(client, accounts.student_email, accounts.shared_password)
    other = load_demo_passwords(settings)
    assert accounts.admin_password in other
    assert len(accounts.admin_password) >= 12


def load_demo_passwords(settings: Settings) -> str:
    path = settings.data_dir / "demo-accounts.txt"
    assert path.stat().st_mode & 0o077 == 0  # readable by the owner only
    return path.read_text()


def test_demo_is_only_loaded_into_an_empty_database(db: Session, settings: Settings) -> None:
    load_demo(db, settings=settings)
    with pytest.raises(DemoExists):
        load_demo(db, settings=settings)
    assert db.scalar(select(func.count(Course.id))) == 3


def test_student_sees_only_enrolled_courses_and_no_drafts(
    db: Session, settings: Settings, client: TestClient
) -> None:
    load_demo(db, settings=settings)
    english = db.scalar(select(Course).where(Course.title == content.COURSES[2].title))
    assert english is not None
    outsider = content.STUDENTS[1][1]  # odd students are not in the English course
    enrolled_ids = set(
        db.scalars(select(Enrollment.course_id).join(User).where(User.email == outsider))
    )
    assert english.id not in enrolled_ids
    accounts_file = (settings.data_dir / "demo-accounts.txt").read_text()
    shared = re.search(r"student\s+\S+\s+password: (\S+)", accounts_file)
    assert shared is not None
    headers = api_login(client, outsider, shared.group(1))
    titles = [c["title"] for c in client.get("/api/courses", headers=headers).json()["items"]]
    assert content.COURSES[2].title not in titles
    for course in client.get("/api/courses", headers=headers).json()["items"]:
        lessons = client.get(f"/api/courses/{course['id']}/lessons", headers=headers).json()
        assert all(item["published"] for item in lessons["items"])
