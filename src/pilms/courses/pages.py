"""HTML pages: dashboard, courses, the lesson reader and editor, enrolment and activity."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from pilms.courses import services
from pilms.courses.policy import can_create_course, can_manage_course
from pilms.errors import Forbidden, Invalid, ServiceError, StorageFull
from pilms.media.services import list_media_for
from pilms.web.context import DB, PageUser, PathId, check_csrf
from pilms.web.templating import redirect, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MAX_EMAIL_LIST_BYTES = 1024 * 1024


def _date(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Invalid(
            f"{value!r} is not a date (use YYYY-MM-DD).", details={field: "bad date"}
        ) from exc


@router.get("/")
def dashboard(request: Request, user: PageUser, db: DB) -> Response:
    courses, total = services.list_courses_for(db, user=user, limit=200)
    progress = {}
    if user.is_student:
        progress = services.lesson_progress(db, user=user, course_ids=[c.id for c in courses])
    return render(
        request,
        "courses/dashboard.html",
        {
            "courses": courses,
            "total": total,
            "progress": progress,
            "can_create": can_create_course(user),
        },
    )


# --- courses ----------------------------------------------------------------------------------


def _cover_choices(db: DB, user: PageUser) -> list[object]:
    items, _ = list_media_for(db, user=user, kind="image", limit=200)
    return list(items)


@router.get("/courses/new")
def course_new(request: Request, user: PageUser, db: DB) -> Response:
    if not can_create_course(user):
        raise Forbidden("Only instructors and administrators can create courses.")
    return render(
        request,
        "courses/course_form.html",
        {"form": {}, "new": True, "covers": _cover_choices(db, user)},
    )


@router.post("/courses/new")
def course_create(
    request: Request,
    user: PageUser,
    db: DB,
    title: Annotated[str, Form(max_length=200)],
    description: Annotated[str, Form(max_length=20_000)] = "",
    start_date: Annotated[str, Form()] = "",
    end_date: Annotated[str, Form()] = "",
    image_id: Annotated[str, Form()] = "",
    published: Annotated[bool, Form()] = False,
) -> Response:
    try:
        course = services.create_course(
            db,
            actor=user,
            title=title,
            description=description,
            published=published,
            start_date=_date(start_date, "start_date"),
            end_date=_date(end_date, "end_date"),
            image_id=int(image_id) if image_id.isdigit() else None,
        )
    except (Invalid, StorageFull) as exc:
        db.rollback()
        return render(
            request,
            "courses/course_form.html",
            {
                "form": {
                    "title": title,
                    "description": description,
                    "start_date": start_date,
                    "end_date": end_date,
                    "published": published,
                },
                "new": True,
                "error": exc.message,
                "errors": exc.details or {},
                "covers": _cover_choices(db, user),
            },
            status_code=exc.status_code,
        )
    return redirect(f"/courses/{course.id}", flash=f"Course “{course.title}” created.")


@router.get("/courses/{course_id}")
def course_page(request: Request, course_id: PathId, user: PageUser, db: DB) -> Response:
    course = services.get_course_for(db, user=user, course_id=course_id)
    lessons = services.list_lessons_for(db, user=user, course=course, with_content=False)
    seen = services.viewed_lesson_ids(db, user=user, course_id=course.id)
    return render(
        request,
        "courses/course.html",
        {
            "course": course,
            "lessons": lessons,
            "seen": seen,
            "manage": can_manage_course(user, course),
        },
    )


@router.get("/courses/{course_id}/edit")
def course_edit(request: Request, course_id: PathId, user: PageUser, db: DB) -> Response:
    course = services.get_managed_course(db, user=user, course_id=course_id)
    return render(
        request,
        "courses/course_form.html",
        {"form": course, "course": course, "covers": _cover_choices(db, user)},
    )


@router.post("/courses/{course_id}/edit")
def course_update(
    request: Request,
    course_id: PathId,
    user: PageUser,
    db: DB,
    title: Annotated[str, Form(max_length=200)],
    description: Annotated[str, Form(max_length=20_000)] = "",
    start_date: Annotated[str, Form()] = "",
    end_date: Annotated[str, Form()] = "",
    image_id: Annotated[str, Form()] = "",
    published: Annotated[bool, Form()] = False,
) -> Response:
    try:
        course = services.update_course(
            db,
            actor=user,
            course_id=course_id,
            title=title,
            description=description,
            published=published,
            start_date=_date(start_date, "start_date"),
            end_date=_date(end_date, "end_date"),
            image_id=int(image_id) if image_id.isdigit() else None,
        )
    except (Invalid, StorageFull) as exc:
        db.rollback()
        course = services.get_managed_course(db, user=user, course_id=course_id)
        return render(
            request,
            "courses/course_form.html",
            {
                "form": {
                    "title": title,
                    "description": description,
                    "start_date": start_date,
                    "end_date": end_date,
                    "published": published,
                },
                "course": course,
                "error": exc.message,
                "errors": exc.details or {},
                "covers": _cover_choices(db, user),
            },
            status_code=exc.status_code,
        )
    return redirect(f"/courses/{course.id}", flash="Course saved.")


# --- lessons ----------------------------------------------------------------------------------


@router.get("/courses/{course_id}/lessons/new")
def lesson_new(request: Request, course_id: PathId, user: PageUser, db: DB) -> Response:
    course = services.get_managed_course(db, user=user, course_id=course_id)
    return render(request, "courses/lesson_form.html", {"course": course, "form": {}, "new": True})


@router.post("/courses/{course_id}/lessons/new")
def lesson_create(
    request: Request,
    course_id: PathId,
    user: PageUser,
    db: DB,
    title: Annotated[str, Form(max_length=200)],
    content: Annotated[str, Form(max_length=2_000_000)] = "",
    action: Annotated[str, Form()] = "draft",
) -> Response:
    course = services.get_managed_course(db, user=user, course_id=course_id)
    try:
        lesson = services.create_lesson(
            db,
            actor=user,
            course_id=course.id,
            title=title,
            content=content,
            published=action == "publish",
        )
    except (Invalid, StorageFull) as exc:
        db.rollback()
        return render(
            request,
            "courses/lesson_form.html",
            {
                "course": course,
                "form": {"title": title, "content": content},
                "new": True,
                "error": exc.message,
                "errors": exc.details or {},
            },
            status_code=exc.status_code,
        )
    return _after_lesson_save(lesson.id, action)


def _after_lesson_save(lesson_id: PathId, action: str) -> Response:
    if action == "preview":
        return redirect(f"/lessons/{lesson_id}")
    if action == "publish":
        return redirect(f"/lessons/{lesson_id}", flash="Lesson saved and published.")
    return redirect(f"/lessons/{lesson_id}/edit", flash="Draft saved.")


@router.get("/lessons/{lesson_id}")
def lesson_page(request: Request, lesson_id: PathId, user: PageUser, db: DB) -> Response:
    lesson = services.get_lesson_for(db, user=user, lesson_id=lesson_id)
    prev, nxt, number, count = services.lesson_neighbours(db, user=user, lesson=lesson)
    services.record_lesson_view(db, user=user, lesson=lesson)
    return render(
        request,
        "courses/lesson.html",
        {
            "lesson": lesson,
            "course": lesson.course,
            "prev": prev,
            "next": nxt,
            "number": number,
            "count": count,
            "manage": can_manage_course(user, lesson.course),
        },
    )


@router.get("/lessons/{lesson_id}/edit")
def lesson_edit(request: Request, lesson_id: PathId, user: PageUser, db: DB) -> Response:
    lesson = services.get_managed_lesson(db, user=user, lesson_id=lesson_id)
    return render(
        request,
        "courses/lesson_form.html",
        {"course": lesson.course, "lesson": lesson, "form": lesson},
    )


@router.post("/lessons/{lesson_id}/edit")
def lesson_update(
    request: Request,
    lesson_id: PathId,
    user: PageUser,
    db: DB,
    title: Annotated[str, Form(max_length=200)],
    content: Annotated[str, Form(max_length=2_000_000)] = "",
    action: Annotated[str, Form()] = "draft",
) -> Response:
    published = {"publish": True, "unpublish": False}.get(action)
    try:
        lesson = services.update_lesson(
            db, actor=user, lesson_id=lesson_id, title=title, content=content, published=published
        )
    except (Invalid, StorageFull) as exc:
        db.rollback()
        lesson = services.get_managed_lesson(db, user=user, lesson_id=lesson_id)
        return render(
            request,
            "courses/lesson_form.html",
            {
                "course": lesson.course,
                "lesson": lesson,
                "form": {"title": title, "content": content},
                "error": exc.message,
                "errors": exc.details or {},
            },
            status_code=exc.status_code,
        )
    if action == "unpublish":
        return redirect(
            f"/lessons/{lesson.id}/edit", flash="Lesson unpublished; it is a draft again."
        )
    return _after_lesson_save(lesson.id, action)


@router.post("/lessons/{lesson_id}/move")
def lesson_move(
    lesson_id: PathId, user: PageUser, db: DB, direction: Annotated[str, Form()]
) -> Response:
    lesson = services.get_managed_lesson(db, user=user, lesson_id=lesson_id)
    services.move_lesson(db, actor=user, lesson_id=lesson.id, offset=-1 if direction == "up" else 1)
    return redirect(f"/courses/{lesson.course_id}#lesson-{lesson.id}")


@router.post("/lessons/{lesson_id}/delete")
def lesson_delete(lesson_id: PathId, user: PageUser, db: DB) -> Response:
    lesson = services.get_managed_lesson(db, user=user, lesson_id=lesson_id)
    course_id, title = lesson.course_id, lesson.title
    services.delete_lesson(db, actor=user, lesson_id=lesson_id)
    return redirect(f"/courses/{course_id}", flash=f"Lesson “{title}” deleted.")


# --- students ---------------------------------------------------------------------------------


def _students_page(
    request: Request, db: DB, user: PageUser, course_id: PathId, **extra: object
) -> Response:
    course = services.get_managed_course(db, user=user, course_id=course_id)
    rows, total = services.list_enrollments(db, actor=user, course_id=course.id, limit=1000)
    status = int(extra.pop("status_code", 200))  # type: ignore[call-overload]
    return render(
        request,
        "courses/students.html",
        {"course": course, "enrollments": rows, "total": total, **extra},
        status_code=status,
    )


def _students_refused(
    request: Request, db: DB, user: PageUser, course_id: PathId, exc: ServiceError, **typed: str
) -> Response:
    """The students page again, with why nothing was changed and what was typed."""
    db.rollback()
    return _students_page(
        request, db, user, course_id, error=exc.message, status_code=exc.status_code, **typed
    )


@router.get("/courses/{course_id}/students")
def students(request: Request, course_id: PathId, user: PageUser, db: DB) -> Response:
    return _students_page(request, db, user, course_id)


@router.post("/courses/{course_id}/students/add")
def students_add(
    request: Request,
    course_id: PathId,
    user: PageUser,
    db: DB,
    email: Annotated[str, Form(max_length=254)],
) -> Response:
    try:
        enrollment = services.enrol(db, actor=user, course_id=course_id, email=email)
    except (Invalid, ServiceError) as exc:
        if isinstance(exc, Forbidden):
            raise
        return _students_refused(request, db, user, course_id, exc, email=email)
    return redirect(
        f"/courses/{course_id}/students", flash=f"{enrollment.user.name} is now enrolled."
    )


@router.post("/courses/{course_id}/students/bulk")
def students_bulk(
    request: Request,
    course_id: PathId,
    user: PageUser,
    db: DB,
    emails: Annotated[str, Form(max_length=MAX_EMAIL_LIST_BYTES)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    text = emails
    if file is not None and file.filename:
        data = file.file.read(MAX_EMAIL_LIST_BYTES + 1)
        if len(data) > MAX_EMAIL_LIST_BYTES:
            return _students_page(
                request,
                db,
                user,
                course_id,
                status_code=422,
                error="The file is too large (1 MB at most).",
            )
        text = data.decode("utf-8-sig", errors="replace") + "\n" + emails
    try:
        result = services.enrol_by_emails(db, actor=user, course_id=course_id, text=text)
    except (Invalid, StorageFull) as exc:
        return _students_refused(request, db, user, course_id, exc, emails=text)
    return _students_page(request, db, user, course_id, bulk=result)


@router.post("/courses/{course_id}/students/{student_id}/remove")
def students_remove(course_id: PathId, student_id: PathId, user: PageUser, db: DB) -> Response:
    services.unenrol(db, actor=user, course_id=course_id, user_id=student_id)
    return redirect(
        f"/courses/{course_id}/students", flash="The student was removed from the course."
    )


@router.get("/courses/{course_id}/activity")
def activity(request: Request, course_id: PathId, user: PageUser, db: DB) -> Response:
    course = services.get_managed_course(db, user=user, course_id=course_id)
    report = services.course_activity(db, actor=user, course_id=course.id)
    return render(request, "courses/activity.html", {"course": course, "report": report})
