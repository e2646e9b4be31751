from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RoleName = Literal["admin", "instructor", "student"]


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    role: RoleName
    is_active: bool
    must_change_password: bool
    last_login_at: datetime | None
    created_at: datetime


class LoginIn(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(max_length=256)


class LoginOut(BaseModel):
    token: str
    user: UserOut
    exp: datetime


class PasswordChangeIn(BaseModel):
    current_password: str = Field(max_length=256)
    new_password: str = Field(max_length=256)


class UserCreateIn(BaseModel):
    email: str = Field(max_length=254)
    name: str = Field(max_length=200)
    role: RoleName = "student"
    password: str | None = Field(
        default=None,
        max_length=256,
        description="Leave out to generate a temporary password (returned once).",
    )


class UserCreatedOut(BaseModel):
    user: UserOut
    temporary_password: str | None


class UserUpdateIn(BaseModel):
    email: str | None = Field(default=None, max_length=254)
    name: str | None = Field(default=None, max_length=200)
    role: RoleName | None = None
    is_active: bool | None = None


class PasswordResetOut(BaseModel):
    temporary_password: str


class ImportRowOut(BaseModel):
    line: int
    email: str
    name: str
    role: str
    action: str
    changes: list[str]


class ImportErrorOut(BaseModel):
    line: int
    message: str


class ImportPreviewOut(BaseModel):
    confirmed: bool
    create: list[ImportRowOut]
    update: list[ImportRowOut]
    unchanged: int
    errors: list[ImportErrorOut]
    ignored_columns: list[str]
    created_passwords: dict[str, str] = Field(
        default_factory=dict, description="Generated passwords of created users, shown once."
    )
