"""Service functions for courses, lessons and enrolments.

Visibility rules: an admin sees everything; an instructor sees the courses they teach; a student
sees published courses they are enrolled in, and only their published lessons. What a user may
not see is reported as not found, so that its existence does not leak.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, exists, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, defer, joinedload

from pilms.accounts.models import Role, User
from pilms.accounts.services import find_user_by_email, get_user, normalise_email
from pilms.courses.models import Course, Enrollment, Lesson, LessonView
from pilms.courses.policy import can_create_course, can_manage_course
from pilms.courses.sanitize import sanitize_html
from pilms.db import utcnow
from pilms.errors import Conflict, Forbidden, Invalid, NotFound, StorageFull
from pilms.media.models import MediaItem

log = logging.getLogger(__name__)

VIEW_REFRESH = timedelta(minutes=10)
_UNSET = object()


def _title(value: str, what: str = "title") -> str:
    value = " ".join(value.split())
    if not value:
        raise Invalid(f"A {what} is required.", details={what: "required"})
    if len(value) > 200:
        raise Invalid(
            f"The {what} is too long (200 characters at most).", details={what: "too long"}
        )
    return value


def _cover(db: Session, actor: User, image_id: int | None) -> int | None:
    """A course cover must be an image from the actor's own library (or any, for an admin)."""
    if image_id is None:
        return None
    item = db.get(MediaItem, image_id)
    if item is None or item.kind != "image" or not (actor.is_admin or item.owner_id == actor.id):
        raise Invalid(
            "Choose a cover image from your media library.", details={"image_id": "not an image"}
        )
    return item.id


def _dates(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise Invalid(
            "The end date is before the start date.", details={"end_date": "before start"}
        )


def is_enrolled(db: Session, *, user_id: int, course_id: int) -> bool:
    return bool(
        db.scalar(
            select(exists().where(Enrollment.user_id == user_id, Enrollment.course_id == course_id))
        )
    )


def _course_visible_to(user: User) -> ColumnElement[bool]:
    """The condition on Course rows that `user` may see."""
    if user.is_admin:
        return true()
    if user.is_instructor:
        return Course.instructor_id == user.id
    return and_(
        Course.published.is_(True),
        exists().where(Enrollment.course_id == Course.id, Enrollment.user_id == user.id),
    )


def list_courses_for(
    db: Session, *, user: User, offset: int = 0, limit: int = 50
) -> tuple[list[Course], int]:
    """The courses `user` may see, by title, with their instructor and cover loaded."""
    visible = _course_visible_to(user)
    total = db.scalar(select(func.count(Course.id)).where(visible)) or 0
    courses = db.scalars(
        select(Course)
        .where(visible)
        .options(joinedload(Course.instructor), joinedload(Course.image))
        .order_by(Course.title, Course.id)
        .offset(offset)
        .limit(limit)
    )
    return list(courses), total


def get_course_for(db: Session, *, user: User, course_id: int) -> Course:
    course = db.scalar(select(Course).where(Course.id == course_id, _course_visible_to(user)))
    if course is None:
        raise NotFound("No such course, or it is not open to you.")
    return course


def get_managed_course(db: Session, *, user: User, course_id: int) -> Course:
    """A course the user may change; 404 if they cannot see it, 403 if they only may read it."""
    course = get_course_for(db, user=user, course_id=course_id)
    if not can_manage_course(user, course):
        raise Forbidden("Only the course's instructor or an administrator can do this.")
    return course


def create_course(
    db: Session,
    *,
    actor: User,
    title: str,
    description: str = "",
    published: bool = False,
    instructor_id: int | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    image_id: int | None = None,
) -> Course:
    if not can_create_course(actor):
        raise Forbidden("Only instructors and administrators can create courses.")
    owner = actor.id
    if instructor_id is not None and instructor_id != actor.id:
        if not actor.is_admin:
            raise Forbidden("Only an administrator can create a course for someone else.")
        owner = _instructor(db, instructor_id).id
    _dates(start_date, end_date)
    course = Course(
        title=_title(title),
        description=description.strip(),
        published=published,
        instructor_id=owner,
        start_date=start_date,
        end_date=end_date,
        image_id=_cover(db, actor, image_id),
    )
    db.add(course)
    db.commit()
    return course


def _instructor(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None or user.role not in (Role.INSTRUCTOR, Role.ADMIN):
        raise Invalid(
            "The instructor must be an instructor or administrator account.",
            details={"instructor_id": "not an instructor"},
        )
    return user


def update_course(
    db: Session,
    *,
    actor: User,
    course_id: int,
    title: str | None = None,
    description: str | None = None,
    published: bool | None = None,
    instructor_id: int | None = None,
    start_date: date | object | None = _UNSET,
    end_date: date | object | None = _UNSET,
    image_id: int | object | None = _UNSET,
) -> Course:
    course = get_managed_course(db, user=actor, course_id=course_id)
    if title is not None:
        course.title = _title(title)
    if description is not None:
        course.description = description.strip()
    if published is not None:
        course.published = published
    if instructor_id is not None and instructor_id != course.instructor_id:
        if not actor.is_admin:
            raise Forbidden("Only an administrator can hand a course to another instructor.")
        course.instructor_id = _instructor(db, instructor_id).id
    if start_date is not _UNSET:
        course.start_date = start_date  # type: ignore[assignment]
    if end_date is not _UNSET:
        course.end_date = end_date  # type: ignore[assignment]
    if image_id is not _UNSET and image_id != course.image_id:
        course.image_id = _cover(db, actor, image_id)  # type: ignore[arg-type]
    _dates(course.start_date, course.end_date)
    db.commit()
    return course


def delete_course(db: Session, *, actor: User, course_id: int) -> None:
    course = get_managed_course(db, user=actor, course_id=course_id)
    db.delete(course)
    db.commit()


# --- lessons ----------------------------------------------------------------------------------


def list_lessons_for(
    db: Session, *, user: User, course: Course, with_content: bool = True
) -> list[Lesson]:
    """The course's lessons `user` may see, in order. Without content, a lesson's body is only
    read if it is used: lists of lessons need titles, and bodies can be large."""
    query = select(Lesson).where(Lesson.course_id == course.id)
    if not can_manage_course(user, course):
        query = query.where(Lesson.published.is_(True))
    if not with_content:
        query = query.options(defer(Lesson.content))
    return list(db.scalars(query.order_by(Lesson.position, Lesson.id)))


def get_lesson_for(db: Session, *, user: User, lesson_id: int) -> Lesson:
    """A lesson `user` may read, with its course (one query: this is the page students open
    most)."""
    lesson = db.scalar(
        select(Lesson)
        .join(Lesson.course)
        .options(contains_eager(Lesson.course))
        .where(Lesson.id == lesson_id, _course_visible_to(user))
    )
    if lesson is None or not (lesson.published or can_manage_course(user, lesson.course)):
        raise NotFound("No such lesson, or it is not open to you.")
    return lesson


def get_managed_lesson(db: Session, *, user: User, lesson_id: int) -> Lesson:
    lesson = get_lesson_for(db, user=user, lesson_id=lesson_id)
    if not can_manage_course(user, lesson.course):
        raise Forbidden("Only the course's instructor or an administrator can change lessons.")
    return lesson


@dataclass(frozen=True)
class LessonLink:
    id: int
    title: str


def lesson_neighbours(
    db: Session, *, user: User, lesson: Lesson
) -> tuple[LessonLink | None, LessonLink | None, int, int]:
    """Previous and next lesson the user may see, the lesson's number and the count.
    Reads ids and titles only: lesson bodies can be large."""
    query = select(Lesson.id, Lesson.title).where(Lesson.course_id == lesson.course_id)
    if not can_manage_course(user, lesson.course):
        query = query.where(Lesson.published.is_(True))
    links = [
        LessonLink(id_, title)
        for id_, title in db.execute(query.order_by(Lesson.position, Lesson.id))
    ]
    index = [link.id for link in links].index(lesson.id)
    prev = links[index - 1] if index > 0 else None
    nxt = links[index + 1] if index + 1 < len(links) else None
    return prev, nxt, index + 1, len(links)


def create_lesson(
    db: Session,
    *,
    actor: User,
    course_id: int,
    title: str,
    content: str = "",
    published: bool = False,
) -> Lesson:
    course = get_managed_course(db, user=actor, course_id=course_id)
    last = db.scalar(select(func.max(Lesson.position)).where(Lesson.course_id == course.id))
    lesson = Lesson(
        course_id=course.id,
        title=_title(title),
        content=sanitize_html(content),
        published=published,
        position=(last if last is not None else -1) + 1,
    )
    db.add(lesson)
    db.commit()
    return lesson


def update_lesson(
    db: Session,
    *,
    actor: User,
    lesson_id: int,
    title: str | None = None,
    content: str | None = None,
    published: bool | None = None,
) -> Lesson:
    lesson = get_managed_lesson(db, user=actor, lesson_id=lesson_id)
    if title is not None:
        lesson.title = _title(title)
    if content is not None:
        lesson.content = sanitize_html(content)
    if published is not None:
        lesson.published = published
    db.commit()
    return lesson


def delete_lesson(db: Session, *, actor: User, lesson_id: int) -> None:
    lesson = get_managed_lesson(db, user=actor, lesson_id=lesson_id)
    course_id = lesson.course_id
    db.delete(lesson)
    db.flush()
    _renumber(db, course_id, None)
    db.commit()


def _renumber(db: Session, course_id: int, order: list[int] | None) -> None:
    lessons = list(
        db.scalars(
            select(Lesson).where(Lesson.course_id == course_id).order_by(Lesson.position, Lesson.id)
        )
    )
    if order is not None:
        rank = {lesson_id: i for i, lesson_id in enumerate(order)}
        lessons.sort(key=lambda item: rank[item.id])
    for position, lesson in enumerate(lessons):
        lesson.position = position


def reorder_lessons(db: Session, *, actor: User, course_id: int, lesson_ids: list[int]) -> None:
    """Put a course's lessons in the given order; the list must name each lesson once."""
    course = get_managed_course(db, user=actor, course_id=course_id)
    current = set(db.scalars(select(Lesson.id).where(Lesson.course_id == course.id)))
    if len(lesson_ids) != len(set(lesson_ids)) or set(lesson_ids) != current:
        raise Invalid(
            "The new order must list every lesson of the course exactly once.",
            details={"lesson_ids": sorted(current)},
        )
    _renumber(db, course.id, lesson_ids)
    db.commit()


def move_lesson(db: Session, *, actor: User, lesson_id: int, offset: int) -> None:
    """Move a lesson up (offset -1) or down (+1) in its course."""
    lesson = get_managed_lesson(db, user=actor, lesson_id=lesson_id)
    ids = list(
        db.scalars(
            select(Lesson.id)
            .where(Lesson.course_id == lesson.course_id)
            .order_by(Lesson.position, Lesson.id)
        )
    )
    index = ids.index(lesson.id)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    _renumber(db, lesson.course_id, ids)
    db.commit()


def record_lesson_view(db: Session, *, user: User, lesson: Lesson) -> None:
    """Note that an enrolled student opened a lesson. Writes at most every few minutes."""
    if not user.is_student:
        return
    now = utcnow()
    view = db.get(LessonView, (lesson.id, user.id))
    if view is None:
        db.add(
            LessonView(
                lesson_id=lesson.id,
                user_id=user.id,
                first_viewed_at=now,
                last_viewed_at=now,
                view_count=1,
            )
        )
    elif now - view.last_viewed_at > VIEW_REFRESH:
        view.last_viewed_at = now
        view.view_count += 1
    else:
        return
    try:
        db.commit()
    except IntegrityError:  # a parallel first view of the same lesson: theirs counts
        db.rollback()
    except StorageFull:  # students go on reading while the disk is full; the view is not noted
        db.rollback()
        log.warning("storage full: lesson view not recorded")


# --- enrolments -------------------------------------------------------------------------------


def _enrol(db: Session, course: Course, user: User) -> Enrollment | None:
    if not user.is_student:
        raise Invalid(
            f"{user.email} is not a student account; only students can be enrolled.",
            details={"user": "not a student"},
        )
    if is_enrolled(db, user_id=user.id, course_id=course.id):
        return None
    enrollment = Enrollment(course_id=course.id, user_id=user.id)
    db.add(enrollment)
    db.flush()
    return enrollment


def enrol(
    db: Session,
    *,
    actor: User,
    course_id: int,
    user_id: int | None = None,
    email: str | None = None,
) -> Enrollment:
    course = get_managed_course(db, user=actor, course_id=course_id)
    if user_id is not None:
        user = get_user(db, user_id)
    elif email:
        found = find_user_by_email(db, normalise_email(email))
        if found is None:
            raise Invalid(f"No account has the email {email}.", details={"email": "unknown"})
        user = found
    else:
        raise Invalid("Give a user_id or an email.", details={"user_id": "required"})
    enrollment = _enrol(db, course, user)
    if enrollment is None:
        raise Conflict(f"{user.name} is already enrolled in this course.")
    db.commit()
    return enrollment


@dataclass
class BulkEnrolResult:
    enrolled: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # line, value, why


def parse_email_list(text: str) -> list[tuple[int, str]]:
    """Emails from a CSV or a pasted list: one or more per line, separated by commas,
    semicolons or spaces; a header line such as 'email' is skipped."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for cell in line.replace(";", ",").replace("\t", ",").split(","):
            for value in cell.split():
                value = value.strip().strip('"').strip("'")
                if value and "@" in value:
                    found.append((number, value))
                elif value and number == 1 and value.lower() in {"email", "e-mail", "emails"}:
                    continue
    return found


def enrol_by_emails(db: Session, *, actor: User, course_id: int, text: str) -> BulkEnrolResult:
    """Enrol every known student named in `text`; report the rest with their line numbers."""
    course = get_managed_course(db, user=actor, course_id=course_id)
    entries = parse_email_list(text)
    if not entries:
        raise Invalid(
            "No email addresses found. Put one email per line.", details={"emails": "empty"}
        )
    result = BulkEnrolResult()
    for line, raw in entries:
        try:
            email = normalise_email(raw)
        except Invalid:
            result.problems.append((line, raw, "not a valid email address"))
            continue
        user = find_user_by_email(db, email)
        if user is None:
            result.problems.append((line, raw, "no account has this email"))
        elif not user.is_student:
            result.problems.append((line, raw, "not a student account"))
        elif _enrol(db, course, user) is None:
            result.already.append(email)
        else:
            result.enrolled.append(email)
    db.commit()
    return result


def unenrol(db: Session, *, actor: User, course_id: int, user_id: int) -> None:
    course = get_managed_course(db, user=actor, course_id=course_id)
    deleted = db.execute(
        delete(Enrollment).where(Enrollment.course_id == course.id, Enrollment.user_id == user_id)
    )
    if not getattr(deleted, "rowcount", 0):
        db.rollback()
        raise NotFound("That student is not enrolled in this course.")
    db.commit()


def list_enrollments(
    db: Session, *, actor: User, course_id: int, offset: int = 0, limit: int = 50
) -> tuple[list[Enrollment], int]:
    course = get_managed_course(db, user=actor, course_id=course_id)
    query = (
        select(Enrollment)
        .join(User, User.id == Enrollment.user_id)
        .where(Enrollment.course_id == course.id)
    )
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(query.order_by(User.name, User.id).offset(offset).limit(limit))
    return list(rows), total


@dataclass
class ActivityRow:
    student: User
    opened: dict[int, datetime]  # lesson id -> last opened

    def count(self) -> int:
        return len(self.opened)


@dataclass
class CourseActivity:
    lessons: list[Lesson]
    rows: list[ActivityRow]


def course_activity(db: Session, *, actor: User, course_id: int) -> CourseActivity:
    """Who of the enrolled students has opened which lesson, and when last."""
    course = get_managed_course(db, user=actor, course_id=course_id)
    lessons = list_lessons_for(db, user=actor, course=course, with_content=False)
    students = list(
        db.scalars(
            select(User)
            .join(Enrollment, Enrollment.user_id == User.id)
            .where(Enrollment.course_id == course.id)
            .order_by(User.name, User.id)
        )
    )
    views = db.execute(
        select(LessonView.user_id, LessonView.lesson_id, LessonView.last_viewed_at)
        .join(Lesson, Lesson.id == LessonView.lesson_id)
        .where(Lesson.course_id == course.id)
    ).all()
    opened: dict[int, dict[int, datetime]] = {}
    for user_id, lesson_id, when in views:
        opened.setdefault(user_id, {})[lesson_id] = when
    return CourseActivity(
        lessons=lessons, rows=[ActivityRow(s, opened.get(s.id, {})) for s in students]
    )


def lesson_progress(
    db: Session, *, user: User, course_ids: list[int]
) -> dict[int, tuple[int, int]]:
    """For each course: how many of its published lessons `user` has opened, and how many
    there are. One query for a whole dashboard."""
    if not course_ids:
        return {}
    rows = db.execute(
        select(Lesson.course_id, func.count(LessonView.lesson_id), func.count(Lesson.id))
        .outerjoin(
            LessonView, and_(LessonView.lesson_id == Lesson.id, LessonView.user_id == user.id)
        )
        .where(Lesson.course_id.in_(course_ids), Lesson.published.is_(True))
        .group_by(Lesson.course_id)
    )
    found = {course_id: (opened, total) for course_id, opened, total in rows}
    return {course_id: found.get(course_id, (0, 0)) for course_id in course_ids}


def viewed_lesson_ids(db: Session, *, user: User, course_id: int) -> set[int]:
    return set(
        db.scalars(
            select(LessonView.lesson_id)
            .join(Lesson, Lesson.id == LessonView.lesson_id)
            .where(LessonView.user_id == user.id, Lesson.course_id == course_id)
        )
    )
