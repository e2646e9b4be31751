"""factory_boy factories for the models. Call `bind(session)` first (the `db` fixture does)."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar, cast

import factory
from sqlalchemy.orm import Session

from pilms.accounts.models import Role, User
from pilms.accounts.passwords import hash_password
from pilms.courses.models import Course, Enrollment, Lesson

M = TypeVar("M")


class TypedFactory(Protocol[M]):
    """What tests call: a factory that says which model it makes."""

    def __call__(self, **kwargs: Any) -> M: ...

    def create_batch(self, size: int, **kwargs: Any) -> list[M]: ...


PASSWORD = "correct horse battery"
PASSWORD_HASH = hash_password(PASSWORD)


class _Base(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_persistence = "commit"


class _UserFactory(_Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@school.test")
    name = factory.Sequence(lambda n: f"User {n}")
    role = Role.STUDENT.value
    password_hash = PASSWORD_HASH
    is_active = True
    must_change_password = False
    failed_logins = 0


class _StudentFactory(_UserFactory):
    email = factory.Sequence(lambda n: f"student{n}@school.test")
    name = factory.Sequence(lambda n: f"Student {n}")


class _InstructorFactory(_UserFactory):
    email = factory.Sequence(lambda n: f"teacher{n}@school.test")
    name = factory.Sequence(lambda n: f"Teacher {n}")
    role = Role.INSTRUCTOR.value


class _AdminFactory(_UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@school.test")
    name = factory.Sequence(lambda n: f"Admin {n}")
    role = Role.ADMIN.value


class _CourseFactory(_Base):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Course {n}")
    description = "A course."
    published = True
    instructor = factory.SubFactory(_InstructorFactory)


class _LessonFactory(_Base):
    class Meta:
        model = Lesson

    course = factory.SubFactory(_CourseFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    content = "<h2>Intro</h2><p>Some text.</p>"
    position = factory.Sequence(lambda n: n)
    published = True


class _EnrollmentFactory(_Base):
    class Meta:
        model = Enrollment

    course = factory.SubFactory(_CourseFactory)
    user = factory.SubFactory(_StudentFactory)


ALL = [
    _UserFactory,
    _StudentFactory,
    _InstructorFactory,
    _AdminFactory,
    _CourseFactory,
    _LessonFactory,
    _EnrollmentFactory,
]


def bind(session: Session) -> None:
    for item in ALL:
        item._meta.sqlalchemy_session = session  # type: ignore[attr-defined]


UserFactory = cast(TypedFactory[User], _UserFactory)
StudentFactory = cast(TypedFactory[User], _StudentFactory)
InstructorFactory = cast(TypedFactory[User], _InstructorFactory)
AdminFactory = cast(TypedFactory[User], _AdminFactory)
CourseFactory = cast(TypedFactory[Course], _CourseFactory)
LessonFactory = cast(TypedFactory[Lesson], _LessonFactory)
EnrollmentFactory = cast(TypedFactory[Enrollment], _EnrollmentFactory)
