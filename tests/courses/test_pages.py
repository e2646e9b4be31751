from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from pilms.courses.models import Course, Enrollment, Lesson, LessonView
from tests.conftest import csrf_from, page_login
from tests.factories import (
    CourseFactory,
    EnrollmentFactory,
    InstructorFactory,
    LessonFactory,
    StudentFactory,
)


def post_form(client: TestClient, url: str, data: dict[str, str], page: str = "/") -> object:
    token = csrf_from(client.get(page).text)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


def test_teacher_builds_a_course_with_draft_preview_publish_and_reorder(
    client: TestClient, db: Session
) -> None:
    InstructorFactory(email="t@school.test")
    page_login(client, "t@school.test")
    reply = post_form(client, "/courses/new", {"title": "Science 6", "description": "Weather"})
    assert reply.status_code == 303  # type: ignore[attr-defined]
    course = db.scalar(select(Course).where(Course.title == "Science 6"))
    assert course is not None
    assert course.published is False

    def add(title: str, action: str) -> Lesson:
        response = post_form(
            client,
            f"/courses/{course.id}/lessons/new",
            {"title": title, "content": f"<h2>{title}</h2><p>Text</p>", "action": action},
        )
        assert response.status_code == 303  # type: ignore[attr-defined]
        found = db.scalar(select(Lesson).where(Lesson.title == title))
        assert found is not None
        return found

    first = add("Clouds", "draft")
    second = add("Rain", "publish")
    assert (first.published, second.published) == (False, True)
    preview = client.get(f"/lessons/{first.id}")
    assert "Preview: this lesson is a draft" in preview.text
    assert "<h2>Clouds</h2>" in preview.text
    publish = post_form(
        client,
        f"/lessons/{first.id}/edit",
        {"title": "Clouds", "content": "<h2>Clouds</h2><p>Better</p>", "action": "publish"},
    )
    assert publish.headers["location"] == f"/lessons/{first.id}"  # type: ignore[attr-defined]
    db.expire_all()
    assert db.get(Lesson, first.id).published  # type: ignore[union-attr]
    move = post_form(client, f"/lessons/{second.id}/move", {"direction": "up"})
    assert move.status_code == 303  # type: ignore[attr-defined]
    page = client.get(f"/courses/{course.id}").text
    assert page.index("Rain") < page.index("Clouds")
    edit = post_form(
        client, f"/courses/{course.id}/edit", {"title": "Science 6", "published": "true"}
    )
    assert edit.status_code == 303  # type: ignore[attr-defined]
    db.expire_all()
    assert db.get(Course, course.id).published  # type: ignore[union-attr]


def test_lesson_form_keeps_what_was_typed_when_the_title_is_missing(
    client: TestClient, db: Session
) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    page_login(client, "t@school.test")
    token = csrf_from(client.get(f"/courses/{course.id}/lessons/new").text)
    reply = client.post(
        f"/courses/{course.id}/lessons/new",
        data={"title": "  ", "content": "<p>my long text</p>", "csrf_token": token},
    )
    assert reply.status_code == 422
    assert "A title is required." in reply.text
    assert "my long text" in reply.text
    assert db.scalar(select(Lesson)) is None


def test_enrol_one_by_email_and_many_from_a_csv_with_problems_reported(
    client: TestClient, db: Session
) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    for n in range(3):
        StudentFactory(email=f"kid{n}@school.test", name=f"Kid {n}")
    InstructorFactory(email="colleague@school.test")
    page_login(client, "t@school.test")
    one = post_form(client, f"/courses/{course.id}/students/add", {"email": "kid0@school.test"})
    assert one.status_code == 303  # type: ignore[attr-defined]
    unknown = post_form(
        client, f"/courses/{course.id}/students/add", {"email": "ghost@school.test"}
    )
    assert unknown.status_code == 422  # type: ignore[attr-defined]
    token = csrf_from(client.get(f"/courses/{course.id}/students").text)
    csv_text = "\n".join(
        [
            "email",
            "kid0@school.test",
            "kid1@school.test",
            "KID2@school.test",
            "ghost@school.test",
            "colleague@school.test",
            "not-an-email@",
        ]
    )
    bulk = client.post(
        f"/courses/{course.id}/students/bulk",
        files={"file": ("class.csv", csv_text.encode(), "text/csv")},
        data={"csrf_token": token},
    )
    assert bulk.status_code == 200
    assert "Enrolled 2; 1 already enrolled; 3 not enrolled." in bulk.text
    assert "Line 5: ghost@school.test — no account has this email" in bulk.text
    assert "Line 6: colleague@school.test — not a student account" in bulk.text
    enrolled = set(db.scalars(select(Enrollment.user_id).where(Enrollment.course_id == course.id)))
    assert len(enrolled) == 3


def test_student_reads_lessons_in_order_and_teacher_sees_who_opened_what(
    client: TestClient, db: Session
) -> None:
    teacher = InstructorFactory(email="t@school.test")
    course = CourseFactory(instructor=teacher, title="Maths")
    student = StudentFactory(email="s@school.test", name="Sam Reader")
    absent = StudentFactory(email="other@school.test", name="Olive Absent")
    EnrollmentFactory(course=course, user=student)
    EnrollmentFactory(course=course, user=absent)
    one = LessonFactory(course=course, title="One", position=0)
    LessonFactory(course=course, title="Hidden draft", position=1, published=False)
    two = LessonFactory(course=course, title="Two", position=2)
    page_login(client, "s@school.test")
    dashboard = client.get("/").text
    assert "Maths" in dashboard
    assert "0 of 2 lessons opened" in dashboard
    first = client.get(f"/lessons/{one.id}").text
    assert "Lesson 1 of 2" in first
    assert f'href="/lessons/{two.id}" rel="next"' in first
    assert "Hidden draft" not in first
    second = client.get(f"/lessons/{two.id}").text
    assert f'href="/lessons/{one.id}" rel="prev"' in second
    assert "Back to the course" in second
    assert "2 of 2 lessons opened" in client.get("/").text
    views = db.scalars(select(LessonView).where(LessonView.user_id == student.id)).all()
    assert {v.lesson_id for v in views} == {one.id, two.id}
    client.cookies.clear()
    page_login(client, "t@school.test")
    report = client.get(f"/courses/{course.id}/activity").text
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", report, re.S)
    by_name = dict(rows)
    assert "2/3" in by_name["Sam Reader"]  # the teacher's report counts the draft too
    assert "0/3" in by_name["Olive Absent"]


def test_teacher_views_do_not_count_as_student_activity(client: TestClient, db: Session) -> None:
    course = CourseFactory(instructor=InstructorFactory(email="t@school.test"))
    lesson = LessonFactory(course=course)
    page_login(client, "t@school.test")
    assert client.get(f"/lessons/{lesson.id}").status_code == 200
    assert db.scalar(select(LessonView)) is None
