"""Every API route and page, for every kind of visitor, with the status they must get.

Visitors: anonymous, a student not enrolled in the course, an enrolled student, an instructor
of another course, the course's instructor, and an admin. A route missing from the matrix
fails `test_every_route_is_in_the_matrix`, so new routes must say who may use them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy.orm import Session

from pilms.accounts.models import User
from pilms.accounts.services import start_session
from pilms.config import Settings
from pilms.media.services import store_upload
from pilms.web.context import SESSION_COOKIE
from tests.conftest import csrf_from
from tests.factories import (
    AdminFactory,
    CourseFactory,
    EnrollmentFactory,
    InstructorFactory,
    LessonFactory,
    StudentFactory,
)

ROLES = ["anonymous", "outsider", "enrolled", "other_teacher", "owner", "admin"]


@dataclass
class Case:
    method: str
    path: str
    expect: dict[str, int]
    json: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    files: bool = False
    page: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


def statuses(
    anonymous: int, outsider: int, enrolled: int, other_teacher: int, owner: int, admin: int
) -> dict[str, int]:
    return dict(
        zip(ROLES, [anonymous, outsider, enrolled, other_teacher, owner, admin], strict=True)
    )


# Common shapes.
ANY_USER = statuses(401, 200, 200, 200, 200, 200)
ADMIN_ONLY = statuses(401, 403, 403, 403, 403, 200)
STAFF = statuses(401, 403, 403, 200, 200, 200)
COURSE_READ = statuses(401, 404, 200, 404, 200, 200)
DRAFT_READ = statuses(401, 404, 404, 404, 200, 200)
COURSE_WRITE = statuses(401, 404, 403, 404, 200, 200)
OWN_MEDIA = statuses(401, 403, 403, 404, 200, 200)
PUBLIC = statuses(200, 200, 200, 200, 200, 200)


def as_page(expect: dict[str, int], ok: int = 200) -> dict[str, int]:
    """Pages send anonymous visitors to sign in (303) and answer success with `ok`."""
    return {
        role: (303 if role == "anonymous" else (ok if code < 300 else code))
        for role, code in expect.items()
    }


def change(expect: dict[str, int], ok: int) -> dict[str, int]:
    return {role: (ok if code < 300 else code) for role, code in expect.items()}


CASES = [
    # --- health, docs, sign-in ---------------------------------------------------------------
    Case("GET", "/health", PUBLIC),
    Case("GET", "/api/health", PUBLIC),
    Case("GET", "/api/openapi.json", PUBLIC),
    Case("GET", "/api/docs", PUBLIC),
    Case(
        "POST",
        "/api/auth/login",
        PUBLIC,
        json={"email": "owner@school.test", "password": "correct horse battery"},
    ),
    Case("POST", "/api/auth/logout", statuses(204, 204, 204, 204, 204, 204)),
    Case("GET", "/api/auth/me", ANY_USER),
    Case(
        "POST",
        "/api/auth/password",
        change(ANY_USER, 422),
        json={"current_password": "wrong!!!", "new_password": "whatever123"},
    ),
    # --- users -------------------------------------------------------------------------------
    Case("GET", "/api/users", ADMIN_ONLY),
    Case(
        "POST",
        "/api/users",
        change(ADMIN_ONLY, 201),
        json={"email": "fresh@school.test", "name": "Fresh", "role": "student"},
    ),
    Case("GET", "/api/users/export", ADMIN_ONLY),
    Case("POST", "/api/users/import", ADMIN_ONLY, files=True),
    Case("GET", "/api/users/{outsider_id}", ADMIN_ONLY),
    Case("PATCH", "/api/users/{outsider_id}", ADMIN_ONLY, json={"name": "Renamed"}),
    Case("POST", "/api/users/{outsider_id}/reset-password", ADMIN_ONLY),
    # --- courses -----------------------------------------------------------------------------
    Case("GET", "/api/courses", ANY_USER),
    Case("POST", "/api/courses", statuses(401, 403, 403, 201, 201, 201), json={"title": "New"}),
    Case("GET", "/api/courses/{course_id}", COURSE_READ),
    Case("PATCH", "/api/courses/{course_id}", COURSE_WRITE, json={"title": "Renamed"}),
    Case("DELETE", "/api/courses/{course_id}", change(COURSE_WRITE, 204)),
    Case("GET", "/api/courses/{course_id}/lessons", COURSE_READ),
    Case(
        "POST", "/api/courses/{course_id}/lessons", change(COURSE_WRITE, 201), json={"title": "L"}
    ),
    Case(
        "PUT",
        "/api/courses/{course_id}/lessons/order",
        change(COURSE_WRITE, 204),
        json={"lesson_ids": "{lesson_order}"},
    ),
    Case("GET", "/api/lessons/{lesson_id}", COURSE_READ),
    Case("GET", "/api/lessons/{draft_id}", DRAFT_READ),
    Case("PATCH", "/api/lessons/{lesson_id}", COURSE_WRITE, json={"title": "Renamed"}),
    Case("DELETE", "/api/lessons/{lesson_id}", change(COURSE_WRITE, 204)),
    Case("GET", "/api/courses/{course_id}/enrollments", COURSE_WRITE),
    Case(
        "POST",
        "/api/courses/{course_id}/enrollments",
        change(COURSE_WRITE, 201),
        json={"user_id": "{outsider_id}"},
    ),
    Case("DELETE", "/api/courses/{course_id}/enrollments/{enrolled_id}", change(COURSE_WRITE, 204)),
    # --- media -------------------------------------------------------------------------------
    Case("GET", "/api/media", STAFF),
    Case("POST", "/api/media", statuses(401, 403, 403, 201, 201, 201), files=True),
    Case("GET", "/api/media/{media_id}", OWN_MEDIA),
    Case("PATCH", "/api/media/{media_id}", OWN_MEDIA, json={"alt_text": "x"}),
    Case("DELETE", "/api/media/{media_id}", change(OWN_MEDIA, 204)),
    Case("GET", "{media_url}", PUBLIC),
    # --- pages -------------------------------------------------------------------------------
    Case("GET", "/login", statuses(200, 303, 303, 303, 303, 303), page=True),
    Case(
        "POST",
        "/login",
        statuses(303, 303, 303, 303, 303, 303),
        page=True,
        form={"email": "owner@school.test", "password": "correct horse battery"},
    ),
    Case("POST", "/logout", statuses(303, 303, 303, 303, 303, 303), page=True, form={}),
    Case("GET", "/password", as_page(ANY_USER), page=True),
    Case(
        "POST",
        "/password",
        as_page(ANY_USER, 422),
        page=True,
        form={
            "current_password": "wrong!!!",
            "new_password": "whatever123",
            "confirm_password": "whatever123",
        },
    ),
    Case("GET", "/", as_page(ANY_USER), page=True),
    Case("GET", "/courses/new", as_page(STAFF), page=True),
    Case("POST", "/courses/new", as_page(STAFF, 303), page=True, form={"title": "New"}),
    Case("GET", "/courses/{course_id}", as_page(COURSE_READ), page=True),
    Case("GET", "/courses/{course_id}/edit", as_page(COURSE_WRITE), page=True),
    Case(
        "POST",
        "/courses/{course_id}/edit",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={"title": "Renamed", "published": "true"},
    ),
    Case("GET", "/courses/{course_id}/lessons/new", as_page(COURSE_WRITE), page=True),
    Case(
        "POST",
        "/courses/{course_id}/lessons/new",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={"title": "New lesson", "content": "<p>x</p>"},
    ),
    Case("GET", "/lessons/{lesson_id}", as_page(COURSE_READ), page=True),
    Case("GET", "/lessons/{draft_id}", as_page(DRAFT_READ), page=True),
    Case("GET", "/lessons/{lesson_id}/edit", as_page(COURSE_WRITE), page=True),
    Case(
        "POST",
        "/lessons/{lesson_id}/edit",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={"title": "Renamed", "content": "<p>y</p>", "action": "draft"},
    ),
    Case(
        "POST",
        "/lessons/{lesson_id}/move",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={"direction": "down"},
    ),
    Case("POST", "/lessons/{lesson_id}/delete", as_page(COURSE_WRITE, 303), page=True, form={}),
    Case("GET", "/courses/{course_id}/students", as_page(COURSE_WRITE), page=True),
    Case(
        "POST",
        "/courses/{course_id}/students/add",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={"email": "outsider@school.test"},
    ),
    Case(
        "POST",
        "/courses/{course_id}/students/bulk",
        as_page(COURSE_WRITE),
        page=True,
        form={"emails": "outsider@school.test"},
    ),
    Case(
        "POST",
        "/courses/{course_id}/students/{enrolled_id}/remove",
        as_page(COURSE_WRITE, 303),
        page=True,
        form={},
    ),
    Case("GET", "/courses/{course_id}/activity", as_page(COURSE_WRITE), page=True),
    Case("GET", "/media-library", as_page(STAFF), page=True),
    Case("POST", "/media-library", as_page(STAFF, 303), page=True, files=True),
    Case("POST", "/media-library/{media_id}/delete", as_page(OWN_MEDIA, 303), page=True, form={}),
    Case("GET", "/admin/users", as_page(ADMIN_ONLY), page=True),
    Case("GET", "/admin/users/new", as_page(ADMIN_ONLY), page=True),
    Case(
        "POST",
        "/admin/users/new",
        as_page(ADMIN_ONLY),
        page=True,
        form={"email": "fresh@school.test", "name": "Fresh", "role": "student"},
    ),
    Case("GET", "/admin/users/import", as_page(ADMIN_ONLY), page=True),
    Case("POST", "/admin/users/import", as_page(ADMIN_ONLY), page=True, files=True),
    Case(
        "POST",
        "/admin/users/import/confirm",
        as_page(ADMIN_ONLY),
        page=True,
        form={"csv_text": "email,name\nfresh@school.test,Fresh\n"},
    ),
    Case("GET", "/admin/users/export", as_page(ADMIN_ONLY), page=True),
    Case("GET", "/admin/users/{outsider_id}", as_page(ADMIN_ONLY), page=True),
    Case(
        "POST",
        "/admin/users/{outsider_id}",
        as_page(ADMIN_ONLY, 303),
        page=True,
        form={
            "email": "outsider@school.test",
            "name": "Out",
            "role": "student",
            "is_active": "true",
        },
    ),
    Case(
        "POST", "/admin/users/{outsider_id}/reset-password", as_page(ADMIN_ONLY), page=True, form={}
    ),
]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def world(db: Session, settings: Settings) -> dict[str, Any]:
    owner = InstructorFactory(email="owner@school.test")
    users: dict[str, User] = {
        "outsider": StudentFactory(email="outsider@school.test"),
        "enrolled": StudentFactory(email="enrolled@school.test"),
        "other_teacher": InstructorFactory(email="other@school.test"),
        "owner": owner,
        "admin": AdminFactory(email="admin@school.test"),
    }
    course = CourseFactory(instructor=owner)
    CourseFactory(instructor=users["other_teacher"])
    lesson = LessonFactory(course=course, position=0)
    draft = LessonFactory(course=course, position=1, published=False)
    EnrollmentFactory(course=course, user=users["enrolled"])
    media = store_upload(
        db,
        owner=owner,
        filename="x.png",
        stream=io.BytesIO(png()),
        media_dir=settings.media_dir,
        max_size=10**6,
    )
    tokens = {
        role: start_session(db, user=user, ttl_seconds=3600)[0] for role, user in users.items()
    }
    values = {
        "course_id": course.id,
        "lesson_id": lesson.id,
        "draft_id": draft.id,
        "media_id": media.id,
        "media_url": media.url,
        "outsider_id": users["outsider"].id,
        "enrolled_id": users["enrolled"].id,
        "lesson_order": [draft.id, lesson.id],
    }
    return {"tokens": tokens, "values": values}


def fill(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, str):
        if value.startswith("{") and value.endswith("}") and value[1:-1] in values:
            return values[value[1:-1]]
        return value.format(**values)
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    return value


CSV = b"email,name,role\nfresh@school.test,Fresh,student\n"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_access(client: TestClient, world: dict[str, Any], case: Case, role: str) -> None:
    values = world["values"]
    path = fill(case.path, values)
    kwargs: dict[str, Any] = {"follow_redirects": False}
    if role != "anonymous":
        token = world["tokens"][role]
        if case.page:
            client.cookies.set(SESSION_COOKIE, token)
        else:
            kwargs["headers"] = {"Authorization": f"Bearer {token}"}
    if case.json is not None:
        kwargs["json"] = fill(case.json, values)
    if case.page and case.method == "POST":
        # A page any visitor may open carries this browser's CSRF token.
        form_page = client.get("/login", follow_redirects=False)
        if form_page.status_code != 200:  # signed in: /login redirects away
            form_page = client.get("/password")
        kwargs["data"] = {**fill(case.form or {}, values), "csrf_token": csrf_from(form_page.text)}
    if case.files:
        if "media" in case.path:
            kwargs["files"] = {"file": ("x.png", png(), "image/png")}
        else:
            kwargs["files"] = {"file": ("u.csv", CSV, "text/csv")}
    reply = client.request(case.method, path, **kwargs)
    assert reply.status_code == case.expect[role], reply.text[:500]
    if reply.status_code == 303 and role == "anonymous" and case.method == "GET":
        assert reply.headers["location"].startswith("/login?next=")


def test_every_route_is_in_the_matrix(app: FastAPI) -> None:
    covered = {(c.method, c.path) for c in CASES}
    missing = []
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        for method in (route.methods or set()) - {"HEAD"}:
            path = route.path
            if path == "/media/{prefix}/{name}":
                path = "{media_url}"
            normalised = path.replace("{user_id}", "{outsider_id}").replace(
                "{student_id}", "{enrolled_id}"
            )
            if (method, normalised) not in covered and not any(
                c.method == method and _same_shape(c.path, normalised) for c in CASES
            ):
                missing.append(f"{method} {path}")
    assert missing == []


def _same_shape(a: str, b: str) -> bool:
    pa, pb = a.split("/"), b.split("/")
    return len(pa) == len(pb) and all(
        x == y or (x.startswith("{") and y.startswith("{")) for x, y in zip(pa, pb, strict=True)
    )


def test_lists_show_each_role_only_what_it_may_see(
    client: TestClient, world: dict[str, Any]
) -> None:
    expected_courses = {"outsider": 0, "enrolled": 1, "other_teacher": 1, "owner": 1, "admin": 2}
    for role, count in expected_courses.items():
        headers = {"Authorization": f"Bearer {world['tokens'][role]}"}
        assert client.get("/api/courses", headers=headers).json()["total"] == count, role
    enrolled = {"Authorization": f"Bearer {world['tokens']['enrolled']}"}
    lessons = client.get(f"/api/courses/{world['values']['course_id']}/lessons", headers=enrolled)
    assert [item["id"] for item in lessons.json()["items"]] == [world["values"]["lesson_id"]]
