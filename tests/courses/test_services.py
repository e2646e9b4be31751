"""Course service functions whose results pages summarise."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pilms.courses.services import lesson_progress, record_lesson_view
from tests.factories import CourseFactory, LessonFactory, StudentFactory


def test_lesson_progress_counts_published_lessons_this_student_opened(db: Session) -> None:
    student, classmate = StudentFactory(), StudentFactory()
    maths, empty, science = CourseFactory(), CourseFactory(), CourseFactory()
    one, two = LessonFactory(course=maths), LessonFactory(course=maths)
    draft = LessonFactory(course=maths, published=False)
    LessonFactory(course=science)
    for lesson in (one, draft):
        record_lesson_view(db, user=student, lesson=lesson)
    record_lesson_view(db, user=classmate, lesson=two)

    progress = lesson_progress(db, user=student, course_ids=[maths.id, empty.id, science.id])

    assert progress == {maths.id: (1, 2), empty.id: (0, 0), science.id: (0, 1)}
    assert lesson_progress(db, user=student, course_ids=[]) == {}
