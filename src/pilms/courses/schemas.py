from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from pilms.web.schemas import DbId


class CourseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str
    published: bool
    instructor_id: int
    image_id: int | None
    start_date: date | None
    end_date: date | None
    created_at: datetime
    updated_at: datetime


class CourseIn(BaseModel):
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=20_000)
    published: bool = False
    instructor_id: DbId | None = None
    image_id: DbId | None = None
    start_date: date | None = None
    end_date: date | None = None


class CourseUpdateIn(BaseModel):
    title: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=20_000)
    published: bool | None = None
    instructor_id: DbId | None = None
    image_id: DbId | None = None
    start_date: date | None = None
    end_date: date | None = None


class LessonOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    course_id: int
    title: str
    content: str = Field(description="Sanitised HTML")
    position: int
    published: bool
    created_at: datetime
    updated_at: datetime


class LessonSummaryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    course_id: int
    title: str
    position: int
    published: bool


class LessonIn(BaseModel):
    title: str = Field(max_length=200)
    content: str = Field(default="", max_length=2_000_000)
    published: bool = False


class LessonUpdateIn(BaseModel):
    title: str | None = Field(default=None, max_length=200)
    content: str | None = Field(default=None, max_length=2_000_000)
    published: bool | None = None


class LessonOrderIn(BaseModel):
    lesson_ids: list[DbId]


class EnrollmentIn(BaseModel):
    user_id: DbId | None = None
    email: str | None = Field(default=None, max_length=254)


class EnrollmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    course_id: int
    user_id: int
    created_at: datetime
    name: str
    email: str
