"""Who may see or change what in a course. One place for the rules, used by services."""

from __future__ import annotations

from pilms.accounts.models import User
from pilms.courses.models import Course


def can_manage_course(user: User, course: Course) -> bool:
    """Edit the course, its lessons and its enrolments; see drafts and reports."""
    return user.is_admin or (user.is_instructor and course.instructor_id == user.id)


def can_create_course(user: User) -> bool:
    return user.is_admin or user.is_instructor
