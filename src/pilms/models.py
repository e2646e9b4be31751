"""Every domain's models, imported in one place so metadata and migrations see them all."""

from pilms.accounts.models import AuthSession, User
from pilms.courses.models import Course, Enrollment, Lesson, LessonView
from pilms.db import Base
from pilms.media.models import MediaItem

metadata = Base.metadata

__all__ = [
    "AuthSession",
    "Course",
    "Enrollment",
    "Lesson",
    "LessonView",
    "MediaItem",
    "User",
    "metadata",
]
