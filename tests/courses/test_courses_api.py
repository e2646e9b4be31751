from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from pilms.courses.models import Lesson
from tests.conftest import api_login
from tests.factories import (
    AdminFactory,
    CourseFactory,
    EnrollmentFactory,
    InstructorFactory,
    LessonFactory,
    StudentFactory,
)


def test_instructor_creates_course_and_lessons_in_order(client: TestClient, db: Session) -> None:
    teacher = InstructorFactory(email="t@school.test")
    headers = api_login(client, "t@school.test")
    course = client.post(
        "/api/courses", json={"title": "  Science 6 ", "description": "Water"}, headers=headers
    )
    assert course.status_code == 201
    body = course.json()
    assert body["title"] == "Science 6"
    assert body["instructor_id"] == teacher.id
    assert body["published"] is False
    ids = []
    for title in ["One", "Two", "Three"]:
        reply = client.post(
            f"/api/courses/{body['id']}/lessons",
            json={"title": title, "content": "<p>x</p>"},
            headers=headers,
        )
        assert reply.status_code == 201
        ids.append(reply.json()["id"])
    listed = client.get(f"/api/courses/{body['id']}/lessons", headers=headers).json()
    assert [item["title"] for item in listed["items"]] == ["One", "Two", "Three"]
    assert [item["position"] for item in listed["items"]] == [0, 1, 2]
    assert listed["total"] == 3
    reorder = client.put(
        f"/api/courses/{body['id']}/lessons/order",
        json={"lesson_ids": [ids[2], ids[0], ids[1]]},
        headers=headers,
    )
    assert reorder.status_code == 204
    listed = client.get(f"/api/courses/{body['id']}/lessons", headers=headers).json()
    assert [item["title"] for item in listed["items"]] == ["Three", "One", "Two"]


def test_reorder_must_name_every_lesson_once(client: TestClient, db: Session) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    first, second = LessonFactory(course=course), LessonFactory(course=course)
    headers = api_login(client, "t@school.test")
    reply = client.put(
        f"/api/courses/{course.id}/lessons/order",
        json={"lesson_ids": [first.id, first.id]},
        headers=headers,
    )
    assert reply.status_code == 422
    db.expire_all()
    assert [db.get(Lesson, first.id).position, db.get(Lesson, second.id).position] == [  # type: ignore[union-attr]
        first.position,
        second.position,
    ]


def test_lesson_html_is_sanitised_on_save(client: TestClient, db: Session) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    headers = api_login(client, "t@school.test")
    dirty = (
        '<h2 onclick="steal()">Title</h2><script>alert(1)</script>'
        '<p style="color:red">Hi <a href="javascript:alert(1)">link</a> '
        '<a href="https://example.org/x">ok</a></p>'
        '<img src="/media/ab/abc.png" onerror="alert(1)" alt="pic">'
        '<iframe src="https://evil.example"></iframe>'
        '<table><tr><td colspan="2">cell</td></tr></table>'
        '<audio controls src="/media/cd/cd1.mp3"></audio>'
        '<svg><script>alert(2)</script></svg><a href="JaVaScRiPt:alert(3)">x</a>'
    )
    reply = client.post(
        f"/api/courses/{course.id}/lessons", json={"title": "T", "content": dirty}, headers=headers
    )
    assert reply.status_code == 201
    content = reply.json()["content"]
    for bad in (
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "JaVaScRiPt",
        "<iframe",
        "style=",
        "<svg",
    ):
        assert bad not in content
    for good in (
        "<h2>Title</h2>",
        'href="https://example.org/x"',
        'src="/media/ab/abc.png"',
        'colspan="2"',
        "<audio",
        "controls",
    ):
        assert good in content
    patched = client.patch(
        f"/api/lessons/{reply.json()['id']}",
        json={"content": '<p onmouseover="x()">again</p>'},
        headers=headers,
    )
    assert patched.json()["content"] == "<p>again</p>"


def test_students_see_only_published_lessons_of_their_published_courses(
    client: TestClient, db: Session
) -> None:
    student = StudentFactory(email="s@school.test")
    mine = CourseFactory(title="Mine")
    EnrollmentFactory(course=mine, user=student)
    draft_course = CourseFactory(title="Draft course", published=False)
    EnrollmentFactory(course=draft_course, user=student)
    CourseFactory(title="Other")
    published = LessonFactory(course=mine, title="Visible", position=0)
    draft = LessonFactory(course=mine, title="Draft", position=1, published=False)
    headers = api_login(client, "s@school.test")
    courses = client.get("/api/courses", headers=headers).json()
    assert [c["title"] for c in courses["items"]] == ["Mine"]
    lessons = client.get(f"/api/courses/{mine.id}/lessons", headers=headers).json()
    assert [item["title"] for item in lessons["items"]] == ["Visible"]
    assert client.get(f"/api/lessons/{published.id}", headers=headers).status_code == 200
    assert client.get(f"/api/lessons/{draft.id}", headers=headers).status_code == 404
    assert client.get(f"/api/courses/{draft_course.id}", headers=headers).status_code == 404


def test_enrol_by_user_id_and_email_and_unenrol(client: TestClient, db: Session) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    ana = StudentFactory(email="ana@school.test", name="Ana")
    ben = StudentFactory(email="ben@school.test", name="Ben")
    headers = api_login(client, "t@school.test")
    by_id = client.post(
        f"/api/courses/{course.id}/enrollments", json={"user_id": ana.id}, headers=headers
    )
    assert by_id.status_code == 201
    by_email = client.post(
        f"/api/courses/{course.id}/enrollments", json={"email": "BEN@school.test"}, headers=headers
    )
    assert by_email.status_code == 201
    assert by_email.json()["user_id"] == ben.id
    again = client.post(
        f"/api/courses/{course.id}/enrollments", json={"user_id": ana.id}, headers=headers
    )
    assert again.status_code == 409
    unknown = client.post(
        f"/api/courses/{course.id}/enrollments",
        json={"email": "nobody@school.test"},
        headers=headers,
    )
    assert unknown.status_code == 422
    listed = client.get(f"/api/courses/{course.id}/enrollments", headers=headers).json()
    assert [e["name"] for e in listed["items"]] == ["Ana", "Ben"]
    assert (
        client.delete(f"/api/courses/{course.id}/enrollments/{ana.id}", headers=headers).status_code
        == 204
    )
    assert client.get(f"/api/courses/{course.id}/enrollments", headers=headers).json()["total"] == 1


def test_only_students_can_be_enrolled(client: TestClient, db: Session) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    other = InstructorFactory()
    headers = api_login(client, "t@school.test")
    reply = client.post(
        f"/api/courses/{course.id}/enrollments", json={"user_id": other.id}, headers=headers
    )
    assert reply.status_code == 422


def test_course_validation_errors(client: TestClient, db: Session) -> None:
    InstructorFactory(email="t@school.test")
    headers = api_login(client, "t@school.test")
    blank = client.post("/api/courses", json={"title": "   "}, headers=headers)
    assert blank.status_code == 422
    assert blank.json()["error"]["details"] == {"title": "required"}
    dates = client.post(
        "/api/courses",
        json={"title": "X", "start_date": "2026-02-01", "end_date": "2026-01-01"},
        headers=headers,
    )
    assert dates.status_code == 422
    assert client.get("/api/courses", headers=headers).json()["total"] == 0


def test_admin_sees_all_courses_and_can_assign_instructor(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    teacher = InstructorFactory()
    CourseFactory.create_batch(3)
    headers = api_login(client, "a@school.test")
    assert client.get("/api/courses", headers=headers).json()["total"] == 3
    reply = client.post(
        "/api/courses", json={"title": "For T", "instructor_id": teacher.id}, headers=headers
    )
    assert reply.json()["instructor_id"] == teacher.id


def test_list_endpoints_paginate(client: TestClient, db: Session) -> None:
    AdminFactory(email="a@school.test")
    CourseFactory.create_batch(5)
    headers = api_login(client, "a@school.test")
    page = client.get("/api/courses?offset=2&limit=2", headers=headers).json()
    assert page["total"] == 5
    assert page["offset"] == 2
    assert page["limit"] == 2
    assert len(page["items"]) == 2


def test_course_cover_must_be_an_image_from_your_library(client: TestClient, db: Session) -> None:
    import io

    from PIL import Image

    InstructorFactory(email="t@school.test")
    InstructorFactory(email="u@school.test")
    mine, theirs = api_login(client, "t@school.test"), api_login(client, "u@school.test")
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buffer, "PNG")
    image = client.post(
        "/api/media", files={"file": ("c.png", buffer.getvalue(), "image/png")}, headers=mine
    ).json()
    ok = client.post("/api/courses", json={"title": "A", "image_id": image["id"]}, headers=mine)
    assert ok.status_code == 201
    assert ok.json()["image_id"] == image["id"]
    stolen = client.post(
        "/api/courses", json={"title": "B", "image_id": image["id"]}, headers=theirs
    )
    assert stolen.status_code == 422
    assert stolen.json()["error"]["details"] == {"image_id": "not an image"}
