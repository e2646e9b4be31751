"""Load the demo school into an empty database, in one transaction."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilms.accounts.models import Role, User
from pilms.accounts.passwords import generate_password, hash_password
from pilms.config import Settings
from pilms.courses.models import Course, Enrollment, Lesson, LessonView
from pilms.courses.sanitize import sanitize_html
from pilms.db import utcnow
from pilms.demo import content
from pilms.media.models import MediaItem
from pilms.media.services import add_file_to_library

ASSETS = Path(__file__).parent / "assets"
ADMIN_EMAIL = "admin@demo.pilms.local"
_ASSET_RE = re.compile(r'(?P<attr>src)="asset:(?P<name>[^"]+)"')
_ALT_RE = re.compile(r'<img[^>]*src="asset:(?P<name>[^"]+)"[^>]*alt="(?P<alt>[^"]*)"')


class DemoExists(Exception):
    pass


@dataclass(frozen=True)
class DemoAccounts:
    admin_email: str
    admin_password: str
    shared_password: str
    instructor_email: str
    student_email: str
    credentials_file: Path


def _enrolled(course_index: int) -> range:
    """Science and Mathematics take the whole class; English half of it."""
    return range(len(content.STUDENTS)) if course_index < 2 else range(0, len(content.STUDENTS), 2)


def load_demo(db: Session, *, settings: Settings) -> DemoAccounts:
    if db.scalar(select(func.count(User.id))):
        raise DemoExists(
            "The database already has users; the demo school is only loaded into an empty one."
        )
    admin_password = generate_password()
    shared_password = generate_password()
    shared_hash = hash_password(shared_password)
    try:
        admin = User(
            email=ADMIN_EMAIL,
            name="Demo Administrator",
            role=Role.ADMIN,
            password_hash=hash_password(admin_password),
        )
        instructors = [
            User(email=email, name=name, role=Role.INSTRUCTOR, password_hash=shared_hash)
            for name, email in content.INSTRUCTORS
        ]
        students = [
            User(email=email, name=name, role=Role.STUDENT, password_hash=shared_hash)
            for name, email in content.STUDENTS
        ]
        db.add_all([admin, *instructors, *students])
        db.flush()
        for index, spec in enumerate(content.COURSES):
            _load_course(db, settings, index, spec, instructors[spec.instructor], students)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    path = _write_credentials(settings, admin_password, shared_password)
    return DemoAccounts(
        ADMIN_EMAIL,
        admin_password,
        shared_password,
        content.INSTRUCTORS[0][1],
        content.STUDENTS[0][1],
        path,
    )


def _media(
    db: Session, settings: Settings, owner: User, name: str, alt: str, cache: dict[str, MediaItem]
) -> MediaItem:
    if name not in cache:
        cache[name] = add_file_to_library(
            db, owner=owner, source=ASSETS / name, media_dir=settings.media_dir, alt_text=alt
        )
    return cache[name]


def _load_course(
    db: Session,
    settings: Settings,
    index: int,
    spec: content.DemoCourse,
    teacher: User,
    students: list[User],
) -> None:
    cache: dict[str, MediaItem] = {}
    cover = _media(db, settings, teacher, spec.cover, f"Cover of {spec.title}", cache)
    course = Course(
        title=spec.title,
        description=spec.description,
        instructor_id=teacher.id,
        published=True,
        image_id=cover.id,
    )
    db.add(course)
    db.flush()
    lessons = []
    for position, lesson_spec in enumerate(spec.lessons):
        alts = {m["name"]: " ".join(m["alt"].split()) for m in _ALT_RE.finditer(lesson_spec.html)}

        def swap(match: re.Match[str]) -> str:
            name = match["name"]
            item = _media(db, settings, teacher, name, alts.get(name, ""), cache)  # noqa: B023
            return f'{match["attr"]}="{item.url}"'

        lesson = Lesson(
            course_id=course.id,
            title=lesson_spec.title,
            position=position,
            published=lesson_spec.published,
            content=sanitize_html(_ASSET_RE.sub(swap, lesson_spec.html)),
        )
        db.add(lesson)
        lessons.append(lesson)
    db.flush()
    published = [lesson for lesson in lessons if lesson.published]
    now = utcnow()
    for rank, student_index in enumerate(_enrolled(index)):
        student = students[student_index]
        db.add(Enrollment(course_id=course.id, user_id=student.id))
        # A realistic spread of progress for the activity report: some ahead, some behind.
        opened = published[: (rank * 7 + index * 3) % (len(published) + 1)]
        for step, lesson in enumerate(opened):
            when = now - timedelta(days=len(opened) - step, minutes=rank * 11)
            db.add(
                LessonView(
                    lesson_id=lesson.id,
                    user_id=student.id,
                    first_viewed_at=when,
                    last_viewed_at=when,
                    view_count=1,
                )
            )


def _write_credentials(settings: Settings, admin_password: str, shared_password: str) -> Path:
    path = settings.data_dir / "demo-accounts.txt"
    lines = [
        "Pi-LMS demo school accounts (delete this file when you no longer need it)",
        "",
        f"admin       {ADMIN_EMAIL}  password: {admin_password}",
        *(f"instructor  {email}  password: {shared_password}" for _n, email in content.INSTRUCTORS),
        *(f"student     {email}  password: {shared_password}" for _n, email in content.STUDENTS),
        "",
    ]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(lines))
    return path
