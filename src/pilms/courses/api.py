"""JSON API: courses, lessons and enrolments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from pilms.courses import services
from pilms.courses.models import Enrollment
from pilms.courses.schemas import (
    CourseIn,
    CourseOut,
    CourseUpdateIn,
    EnrollmentIn,
    EnrollmentOut,
    LessonIn,
    LessonOrderIn,
    LessonOut,
    LessonSummaryOut,
    LessonUpdateIn,
)
from pilms.web.context import DB, ApiUser, PathId, api_csrf, page
from pilms.web.schemas import ERROR_RESPONSES, Page

router = APIRouter(prefix="/api", dependencies=[Depends(api_csrf)], responses=ERROR_RESPONSES)
Paging = Annotated[dict[str, int], Depends(page)]


@router.get("/courses", response_model=Page[CourseOut], tags=["courses"])
def list_courses(db: DB, user: ApiUser, paging: Paging) -> Page[CourseOut]:
    courses, total = services.list_courses_for(db, user=user, **paging)
    return Page[CourseOut](
        items=[CourseOut.model_validate(c) for c in courses], total=total, **paging
    )


@router.post("/courses", response_model=CourseOut, status_code=201, tags=["courses"])
def create_course(body: CourseIn, db: DB, user: ApiUser) -> CourseOut:
    return CourseOut.model_validate(services.create_course(db, actor=user, **body.model_dump()))


@router.get("/courses/{course_id}", response_model=CourseOut, tags=["courses"])
def get_course(course_id: PathId, db: DB, user: ApiUser) -> CourseOut:
    return CourseOut.model_validate(services.get_course_for(db, user=user, course_id=course_id))


@router.patch("/courses/{course_id}", response_model=CourseOut, tags=["courses"])
def update_course(course_id: PathId, body: CourseUpdateIn, db: DB, user: ApiUser) -> CourseOut:
    course = services.update_course(
        db, actor=user, course_id=course_id, **body.model_dump(exclude_unset=True)
    )
    return CourseOut.model_validate(course)


@router.delete("/courses/{course_id}", status_code=204, tags=["courses"])
def delete_course(course_id: PathId, db: DB, user: ApiUser) -> Response:
    services.delete_course(db, actor=user, course_id=course_id)
    return Response(status_code=204)


@router.get("/courses/{course_id}/lessons", response_model=Page[LessonSummaryOut], tags=["lessons"])
def list_lessons(
    course_id: PathId, db: DB, user: ApiUser, paging: Paging
) -> Page[LessonSummaryOut]:
    course = services.get_course_for(db, user=user, course_id=course_id)
    lessons = services.list_lessons_for(db, user=user, course=course)
    window = lessons[paging["offset"] : paging["offset"] + paging["limit"]]
    return Page[LessonSummaryOut](
        items=[LessonSummaryOut.model_validate(item) for item in window],
        total=len(lessons),
        **paging,
    )


@router.post(
    "/courses/{course_id}/lessons", response_model=LessonOut, status_code=201, tags=["lessons"]
)
def create_lesson(course_id: PathId, body: LessonIn, db: DB, user: ApiUser) -> LessonOut:
    lesson = services.create_lesson(db, actor=user, course_id=course_id, **body.model_dump())
    return LessonOut.model_validate(lesson)


@router.put("/courses/{course_id}/lessons/order", status_code=204, tags=["lessons"])
def reorder_lessons(course_id: PathId, body: LessonOrderIn, db: DB, user: ApiUser) -> Response:
    services.reorder_lessons(db, actor=user, course_id=course_id, lesson_ids=body.lesson_ids)
    return Response(status_code=204)


@router.get("/lessons/{lesson_id}", response_model=LessonOut, tags=["lessons"])
def get_lesson(lesson_id: PathId, db: DB, user: ApiUser) -> LessonOut:
    return LessonOut.model_validate(services.get_lesson_for(db, user=user, lesson_id=lesson_id))


@router.patch("/lessons/{lesson_id}", response_model=LessonOut, tags=["lessons"])
def update_lesson(lesson_id: PathId, body: LessonUpdateIn, db: DB, user: ApiUser) -> LessonOut:
    lesson = services.update_lesson(
        db, actor=user, lesson_id=lesson_id, **body.model_dump(exclude_unset=True)
    )
    return LessonOut.model_validate(lesson)


@router.delete("/lessons/{lesson_id}", status_code=204, tags=["lessons"])
def delete_lesson(lesson_id: PathId, db: DB, user: ApiUser) -> Response:
    services.delete_lesson(db, actor=user, lesson_id=lesson_id)
    return Response(status_code=204)


def _enrollment(item: Enrollment) -> EnrollmentOut:
    return EnrollmentOut(
        id=item.id,
        course_id=item.course_id,
        user_id=item.user_id,
        created_at=item.created_at,
        name=item.user.name,
        email=item.user.email,
    )


@router.get(
    "/courses/{course_id}/enrollments", response_model=Page[EnrollmentOut], tags=["enrollments"]
)
def list_enrollments(
    course_id: PathId, db: DB, user: ApiUser, paging: Paging
) -> Page[EnrollmentOut]:
    rows, total = services.list_enrollments(db, actor=user, course_id=course_id, **paging)
    return Page[EnrollmentOut](items=[_enrollment(r) for r in rows], total=total, **paging)


@router.post(
    "/courses/{course_id}/enrollments",
    response_model=EnrollmentOut,
    status_code=201,
    tags=["enrollments"],
)
def enrol(course_id: PathId, body: EnrollmentIn, db: DB, user: ApiUser) -> EnrollmentOut:
    enrollment = services.enrol(
        db, actor=user, course_id=course_id, user_id=body.user_id, email=body.email
    )
    return _enrollment(enrollment)


@router.delete("/courses/{course_id}/enrollments/{user_id}", status_code=204, tags=["enrollments"])
def unenrol(course_id: PathId, user_id: PathId, db: DB, user: ApiUser) -> Response:
    services.unenrol(db, actor=user, course_id=course_id, user_id=user_id)
    return Response(status_code=204)
